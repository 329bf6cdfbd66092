import { HandoffKitError } from "../core/error.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { accountOwnerOf } from "./account-owner.js";
import { compiledRouting, type Routing } from "./define-routing.js";
import { matchRules, type RoutingLead, type RuleReading } from "./match-rules.js";
import {
  creditBack as creditBackInQueue,
  queueStanding,
  reassign as reassignInQueue,
  routeInQueue,
  type Choice,
  type QueueLedger,
  type QueueState,
  type Skip,
} from "./route-in-queue.js";

/**
 * The routing state: each queue's ledger, as plain data (`JSON.parse(JSON.stringify(state))` routes
 * the same). Start from `{ queues: {} }` (or `undefined`).
 *
 * @example
 * ```ts
 * import type { RoutingState } from "handoff-kit/routing";
 * const saved: RoutingState = JSON.parse(JSON.stringify({ queues: {} })) as RoutingState;
 * ```
 * @category Routing
 */
export interface RoutingState {
  readonly queues: Readonly<Record<string, QueueState>>;
}

/**
 * A lead to route: its id, the fields the rules read, and the email (or domain) its account is found by.
 *
 * @example
 * ```ts
 * import type { Lead } from "handoff-kit/routing";
 * const lead: Lead = { id: "lead-1", email: "jo@eu.acme.com", territory: "EMEA", dealSize: 30_000 };
 * ```
 * @category Routing
 */
export interface Lead extends RoutingLead {
  readonly id: string;
  readonly email?: string | undefined;
}

/**
 * Why a lead went where it went: the account's owner, every rule read, the members passed over and how
 * the member chosen stood.
 *
 * @example
 * ```ts
 * import type { RouteExplanation } from "handoff-kit/routing";
 * declare const why: RouteExplanation;
 * for (const { rep, skipped } of why.passed) console.log(`${rep}: ${skipped}`);
 * ```
 * @category Routing
 */
export interface RouteExplanation {
  /** The account's owner when there is one, and whether they were away. */
  readonly owner: { readonly owner: string; readonly domain: string; readonly away: boolean } | undefined;
  /** Each rule read, in order, with the conditions that did not hold; the last read is the one that matched. */
  readonly rules: readonly RuleReading[];
  /** The queue's members passed over, with why (away, out of office, off hours, a cap). */
  readonly passed: readonly { readonly rep: string; readonly skipped: Skip }[];
  /** How the member chosen stood: its leads this period before this one and the share it had earned. */
  readonly choice: Choice | undefined;
}

/**
 * Who takes a lead, how, why, and the state after it.
 *
 * @example
 * ```ts
 * import type { RouteResult } from "handoff-kit/routing";
 * declare const result: RouteResult;
 * if (result.by === "none") console.log(`no one free in ${result.queue ?? "?"}`);
 * ```
 * @category Routing
 */
export interface RouteResult {
  readonly lead: string;
  readonly at: number;
  readonly assignee: string | undefined;
  /** `account_owner`: the owner of the lead's account; `queue`: a queue's choice; `none`: no one free. */
  readonly by: "account_owner" | "queue" | "none";
  readonly queue: string | undefined;
  /** The rule that matched; undefined for the fallback queue or the account's owner. */
  readonly rule: string | undefined;
  readonly explanation: RouteExplanation;
  readonly state: RoutingState;
}

/**
 * What a decision is told besides the lead: when it is made, and who is away for a reason the setup
 * does not hold.
 *
 * @example
 * ```ts
 * import type { RouteOptions } from "handoff-kit/routing";
 * const options: RouteOptions = { now: new Date("2026-12-04T15:00:00Z"), away: new Set(["ae-ben"]) };
 * ```
 * @category Routing
 */
export interface RouteOptions {
  /** The instant of the decision: caps, resets, out-of-office periods and calendars are read at it. */
  readonly now: InstantInput;
  /** Reps away now for a reason the setup does not hold (marked unavailable in the CRM). */
  readonly away?: ReadonlySet<string>;
}

const EMPTY: RoutingState = { queues: {} };
const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Routes one lead: to its account's owner when the account has one who is not away (no queue counts
 * it), else by the first rule that matches, or the fallback, to that queue's choice. Pure: the state
 * given is not changed, and the same state, lead, routing and instant give the same answer. A queue's
 * leads come in time order (as they arrive): one earlier than the queue's last decision throws
 * `invalid_argument`, since its day's caps and its period's counts are no longer held. The cost
 * does not grow with the leads routed before, and grows with the log of a queue's members (plus the
 * members whose availability changed since the last decision).
 *
 * @example
 * ```ts
 * import { defineRouting, route, type RoutingState } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [{
 *     id: "team",
 *     members: [{ rep: "ae-ana", weight: 200 }, { rep: "ae-ben", weight: 100 }, { rep: "ae-cy", weight: 100 }],
 *     strategy: "weighted",
 *     timeZone: "America/New_York",
 *     reset: "monthly",
 *   }],
 *   seed: "team",
 * });
 * let state: RoutingState = { queues: {} };
 * const taken: Record<string, number> = {};
 * for (let n = 0; n < 60; n += 1) {
 *   const result = route(state, { id: `lead-${n}` }, routing, { now: Date.UTC(2026, 11, 1, 15, n) });
 *   taken[result.assignee ?? "none"] = (taken[result.assignee ?? "none"] ?? 0) + 1;
 *   state = result.state;
 * }
 * taken; // { "ae-ana": 30, "ae-ben": 15, "ae-cy": 15 } in some order of keys
 * ```
 * @category Routing
 */
export function route(
  state: RoutingState | undefined,
  lead: Lead,
  routing: Routing,
  options: RouteOptions,
): RouteResult {
  const { queues, owners } = compiledRouting(routing, "route");
  const setup = routing.setup;
  const now = toEpochMs(options.now, "route: now");
  const before = state ?? EMPTY;
  const away = options.away ?? NO_ONE;
  const owned = accountOwnerOf(lead.email, owners);
  const owner = owned === undefined ? undefined : { ...owned, away: away.has(owned.owner) };
  if (owner !== undefined && !owner.away)
    return {
      lead: lead.id,
      at: now,
      assignee: owner.owner,
      by: "account_owner",
      queue: undefined,
      rule: undefined,
      explanation: { owner, rules: [], passed: [], choice: undefined },
      state: before,
    };
  const match = matchRules(lead, setup.rules, setup.fallback);
  const queue = queues.get(match.queue) as NonNullable<ReturnType<typeof queues.get>>;
  const ledger = ledgerOf(before, match.queue);
  const decision = routeInQueue(queue, ledger, now, away);
  const after: Record<string, QueueState> = {};
  for (const id in before.queues) after[id] = before.queues[id] as QueueState;
  after[match.queue] = decision.ledger;
  return {
    lead: lead.id,
    at: now,
    assignee: decision.assignee,
    by: decision.assignee === undefined ? "none" : "queue",
    queue: match.queue,
    rule: match.rule,
    explanation: { owner, rules: match.readings, passed: decision.passed, choice: decision.choice },
    state: { queues: after },
  };
}

/**
 * Routes leads in order, each at its instant, from a state: the assignment log (one `RouteResult`
 * per lead, its `state` left out) and the state after the last. A replay of the same leads through the
 * same routing gives the same log.
 *
 * @example
 * ```ts
 * import { defineRouting, routeLeads } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [{
 *     id: "team",
 *     members: [{ rep: "ae-ana", weight: 1 }, { rep: "ae-ben", weight: 1 }],
 *     strategy: "least_recent",
 *     timeZone: "UTC",
 *     reset: "never",
 *   }],
 *   seed: "s",
 * });
 * const { log } = routeLeads(
 *   [
 *     { lead: { id: "a" }, at: new Date("2026-12-01T10:00:00Z") },
 *     { lead: { id: "b" }, at: new Date("2026-12-01T10:05:00Z") },
 *   ],
 *   routing,
 * );
 * log.map((entry) => entry.assignee); // the two reps, one lead each
 * ```
 * @category Routing
 */
export function routeLeads(
  leads: readonly { readonly lead: Lead; readonly at: InstantInput; readonly away?: ReadonlySet<string> }[],
  routing: Routing,
  options: { readonly state?: RoutingState } = {},
): { readonly log: readonly Omit<RouteResult, "state">[]; readonly state: RoutingState } {
  let state = options.state ?? EMPTY;
  const log: Omit<RouteResult, "state">[] = [];
  for (const { lead, at, away } of leads) {
    const { state: next, ...entry } = route(state, lead, routing, away === undefined ? { now: at } : { now: at, away });
    log.push(entry);
    state = next;
  }
  return { log, state };
}

/** A queue's ledger in a state `route` made (the public type shows only its first fields). */
function ledgerOf(state: RoutingState, queue: string): QueueLedger | undefined {
  return Object.hasOwn(state.queues, queue) ? (state.queues[queue] as QueueLedger) : undefined;
}

function queueOf(routing: Routing, queue: string, fn: string) {
  const compiled = compiledRouting(routing, fn).queues.get(queue);
  if (compiled === undefined) throw new HandoffKitError("invalid_argument", { detail: `${fn}: no queue "${queue}"` });
  return compiled;
}

/**
 * Gives a lead back to its queue (a meeting cancelled, a no-show, a rejection: the team chooses which)
 * as if the member had not taken it: its count and the cap counters of the day, week and month it was
 * taken in go back by one, and what the others earned stays, so the member is due the next lead it is
 * free for. Nothing changes when the queue never counted the lead for that member this period.
 *
 * @example
 * ```ts
 * import { creditBack, defineRouting, route } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [{
 *     id: "team",
 *     members: [{ rep: "ae-ana", weight: 1 }, { rep: "ae-ben", weight: 1 }],
 *     strategy: "weighted",
 *     timeZone: "UTC",
 *     reset: "never",
 *   }],
 *   seed: "s",
 * });
 * const first = route(undefined, { id: "a" }, routing, { now: new Date("2026-12-01T10:00:00Z") });
 * // The meeting was cancelled: the lead is given back, and the next one goes to the same rep.
 * const state = creditBack(first.state, routing, { queue: "team", rep: first.assignee ?? "", takenAt: first.at });
 * route(state, { id: "b" }, routing, { now: new Date("2026-12-01T11:00:00Z") }).assignee === first.assignee; // true
 * ```
 * @category Routing
 */
export function creditBack(
  state: RoutingState,
  routing: Routing,
  lead: { readonly queue: string; readonly rep: string; readonly takenAt: InstantInput },
): RoutingState {
  const queue = queueOf(routing, lead.queue, "creditBack");
  const ledger = ledgerOf(state, lead.queue);
  if (ledger === undefined) return state;
  const next = creditBackInQueue(queue, ledger, lead.rep, toEpochMs(lead.takenAt, "creditBack: takenAt"));
  return next === ledger ? state : { queues: { ...state.queues, [lead.queue]: next } };
}

/**
 * Moves a lead from one member of a queue to another (an AE hands the meeting on): given back to the
 * first as `creditBack` does, counted for the second at `at`, under the day, week and month of `at`. A
 * second rep outside the queue is only credited away from the first.
 *
 * @example
 * ```ts
 * import { defineRouting, reassignLead, route } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [{
 *     id: "team",
 *     members: [{ rep: "ae-ana", weight: 1 }, { rep: "ae-ben", weight: 1 }],
 *     strategy: "weighted",
 *     timeZone: "UTC",
 *     reset: "never",
 *   }],
 *   seed: "s",
 * });
 * const first = route(undefined, { id: "a" }, routing, { now: new Date("2026-12-01T10:00:00Z") });
 * const other = first.assignee === "ae-ana" ? "ae-ben" : "ae-ana";
 * const state = reassignLead(first.state, routing, {
 *   queue: "team", from: first.assignee ?? "", to: other, takenAt: first.at, at: new Date("2026-12-01T12:00:00Z"),
 * });
 * ```
 * @category Routing
 */
export function reassignLead(
  state: RoutingState,
  routing: Routing,
  move: {
    readonly queue: string;
    readonly from: string;
    readonly to: string;
    readonly takenAt: InstantInput;
    readonly at: InstantInput;
  },
): RoutingState {
  const queue = queueOf(routing, move.queue, "reassignLead");
  const ledger = ledgerOf(state, move.queue);
  if (ledger === undefined) return state;
  const next = reassignInQueue(queue, ledger, {
    from: move.from,
    to: move.to,
    takenAt: toEpochMs(move.takenAt, "reassignLead: takenAt"),
    at: toEpochMs(move.at, "reassignLead: at"),
  });
  return { queues: { ...state.queues, [move.queue]: next } };
}

/**
 * A member's standing in a queue this period.
 *
 * @example
 * ```ts
 * import type { MemberStanding } from "handoff-kit/routing";
 * declare const members: MemberStanding[];
 * const behind = members.filter((member) => member.count < member.earned - 1);
 * ```
 * @category Routing
 */
export interface MemberStanding {
  readonly rep: string;
  readonly weight: number;
  /** Leads taken this period. */
  readonly count: number;
  /** The share of this period's leads it has earned (its weighted share of the leads it was free for). */
  readonly earned: number;
  /** With catch-up: the share it missed while away and has not yet been given back. */
  readonly owed: number;
  readonly lastAt: number | null;
  /**
   * Its availability as the queue's last decision left it, that decision's lead counted (a member the
   * lead brought to a cap shows the cap); null when free.
   */
  readonly skipped: Skip | null;
}

/**
 * Each member's standing in a queue, in the queue's order: leads taken, share earned, owed, last lead,
 * and availability at the last decision. Empty before the queue's first lead.
 *
 * @example
 * ```ts
 * import { defineRouting, route, standing } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [{
 *     id: "team",
 *     members: [{ rep: "ae-ana", weight: 2 }, { rep: "ae-ben", weight: 1 }],
 *     strategy: "weighted",
 *     timeZone: "UTC",
 *     reset: "never",
 *   }],
 *   seed: "s",
 * });
 * const { state } = route(undefined, { id: "a" }, routing, { now: new Date("2026-12-01T10:00:00Z") });
 * standing(state, routing, "team").map((member) => member.earned); // [0.666..., 0.333...]
 * ```
 * @category Routing
 */
export function standing(state: RoutingState, routing: Routing, queue: string): MemberStanding[] {
  const compiled = queueOf(routing, queue, "standing");
  const ledger = ledgerOf(state, queue);
  return ledger === undefined ? [] : queueStanding(compiled, ledger);
}
