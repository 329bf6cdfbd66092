import { HandoffKitError } from "../core/error.js";
import { MAX_EPOCH_MS } from "../core/instant.js";
import { openIntervals } from "../sla/index.js";
import type { CompiledQueue } from "./compile-queue.js";
import { periodsAt, type LocalPeriods } from "./local-periods.js";
import {
  ALWAYS,
  NEVER,
  buildTree,
  memberAt,
  membersOf,
  withMember,
  type LeafKeys,
  type MemberTree,
} from "./queue-tree.js";

/**
 * A member of a queue; `weight` is a positive whole number, read as a ratio: 200/100/100 gives the
 * first half of the leads, as 2/1/1 would.
 *
 * @example
 * ```ts
 * import type { QueueMember } from "handoff-kit/routing";
 * const ana: QueueMember = { rep: "ae-ana", weight: 200 };
 * ```
 * @category Routing
 */
export interface QueueMember {
  readonly rep: string;
  readonly weight: number;
}

/**
 * How a queue chooses among the members free to take a lead: `weighted` (each member's share of the
 * leads by its weight, within one lead at all times), `least_recent` (the member whose last lead is
 * oldest; never assigned first) or `lightest_load` (the fewest leads this period per unit of weight).
 *
 * @example
 * ```ts
 * import type { QueueStrategy } from "handoff-kit/routing";
 * const strategy: QueueStrategy = "least_recent";
 * ```
 * @category Routing
 */
export type QueueStrategy = "weighted" | "least_recent" | "lightest_load";

/**
 * A queue: its members, how it chooses, what it counts in its zone (caps, resets), and what an absence
 * costs a member (keep place or catch up).
 *
 * @example
 * ```ts
 * import type { RoutingQueue } from "handoff-kit/routing";
 * const emea: RoutingQueue = {
 *   id: "emea",
 *   members: [{ rep: "ae-ana", weight: 2 }, { rep: "ae-ben", weight: 1 }],
 *   strategy: "weighted",
 *   timeZone: "Europe/London",
 *   reset: "monthly",
 *   caps: { day: 6 },
 *   absence: "catch_up",
 *   catchUpEvery: 3,
 * };
 * ```
 * @category Routing
 */
export interface RoutingQueue {
  readonly id: string;
  readonly members: readonly QueueMember[];
  readonly strategy: QueueStrategy;
  /** The zone caps and resets are counted in. */
  readonly timeZone: string;
  /** When the counts start again from zero. */
  readonly reset: "monthly" | "quarterly" | "yearly" | "never";
  /** At most this many leads per member per local day, ISO week (from Monday) or month. */
  readonly caps?: { readonly day?: number; readonly week?: number; readonly month?: number };
  /**
   * What a member away misses. `keep_place` (the default) forgives it: the member earns no share while
   * away. `catch_up` gives it back: while away the member's share of each lead (its weight over the
   * weight of all members not capped) is owed to it; once back, one owed lead every `catchUpEvery`
   * leads (3 by default) moves into what it has earned and out of what the others have, in proportion
   * to their weights, so the quota method sends it the lead and, once the debt is paid, everyone's
   * earned share is what it would have been had the member never been away.
   */
  readonly absence?: "keep_place" | "catch_up";
  readonly catchUpEvery?: number;
}

/**
 * Why a member did not take a lead: `away` (the caller said so), `out_of_office` (a period in the
 * setup), `off_hours` (outside the rep's calendar), or a cap of the day, week or month reached; the
 * first that applies, in that order.
 *
 * @example
 * ```ts
 * import type { Skip } from "handoff-kit/routing";
 * const why: Skip = "capped_day";
 * ```
 * @category Routing
 */
export type Skip = "away" | "out_of_office" | "off_hours" | "capped_day" | "capped_week" | "capped_month";

interface Counter {
  readonly key: string;
  readonly n: number;
}

/** What a queue holds for one member since its last reset (plain data). */
export interface MemberLedger {
  readonly rep: string;
  /** Leads taken this period. */
  readonly count: number;
  /** When it last took a lead (epoch ms), or null. */
  readonly lastAt: number | null;
  /** Why it was not free at the queue's last decision; null when free. */
  readonly skipped: Skip | null;
  /**
   * While free, the value of the queue's accumulator its earned share runs from (earned = weight x
   * (accumulator - from)); while not free, the share it had earned when it stopped being free.
   */
  readonly from: number;
  readonly held: number;
  /**
   * With catch-up: the share missed while away and not yet given back, and the value of the owed
   * accumulator it runs from while away.
   */
  readonly owed: number;
  readonly owedFrom: number;
  /** The queue's lead number at which an owed lead was last given back, or null. */
  readonly repaidAt: number | null;
  /** Leads taken in a local day, week and month, each with the key it counts for. */
  readonly day: Counter;
  readonly week: Counter;
  readonly month: Counter;
  /** When its availability next changes (epoch ms; Number.MAX_VALUE for never). */
  readonly next: number;
  /** Weighted: marked as free to take a lead (its count under its earned share) when last read. */
  readonly released: boolean;
  /** At a cap of its day, week or month when last read (whatever else kept it from a lead). */
  readonly capped: boolean;
}

/**
 * A running sum over a queue's leads of `1 / weight` (the weight of the members sharing each lead):
 * `base + since / weight`, kept as a count over a fixed weight so that a run of leads over the same
 * members adds no rounding error.
 */
export interface Accumulator {
  readonly base: number;
  readonly since: number;
  readonly weight: number;
}

/**
 * A queue's state: plain data (JSON round-trips it), read through `standing`; the rest of it is the
 * library's to change between versions (`version` says which).
 *
 * @example
 * ```ts
 * import type { QueueState, RoutingState } from "handoff-kit/routing";
 * const state: RoutingState = { queues: {} };
 * const emea: QueueState | undefined = state.queues["emea"];
 * emea?.leads; // leads routed this period
 * ```
 * @category Routing
 */
export interface QueueState {
  readonly version: 1;
  /** The period counts run in: `2026-12`, `2026-Q4`, `2026`, or `all` for a queue that never resets. */
  readonly period: string;
  /** Leads routed this period. */
  readonly leads: number;
}

/** A queue's state as the router keeps it, changed only along the path of the members a decision touches. */
export interface QueueLedger extends QueueState {
  /** The members and weights the ledger was kept for. */
  readonly team: string;
  /** The instant availability was last read at. */
  readonly at: number;
  readonly local: LocalPeriods;
  /** Earned shares: each lead adds 1 / (the free members' weight). */
  readonly earned: Accumulator;
  /** Owed shares: each lead adds 1 / (the weight of the members not capped). */
  readonly owing: Accumulator;
  /** Members the caller said were away at the last decision, in queue order. */
  readonly away: readonly string[];
  /** Members not free at the last decision, in queue order, with why. */
  readonly passed: readonly { readonly rep: string; readonly skipped: Skip }[];
  /** Free members still owed leads (catch-up), by index. */
  readonly repaying: readonly number[];
  readonly members: MemberTree<MemberLedger>;
}

/**
 * How the member chosen stood when it took a lead: its leads this period before this one and the share
 * of this period's leads it had earned, this one included (a weighted member takes a lead only while
 * `count` is under `earned`).
 *
 * @example
 * ```ts
 * import type { Choice } from "handoff-kit/routing";
 * const choice: Choice = { rep: "ae-ana", count: 29, earned: 29.5, lastAt: Date.UTC(2026, 11, 1, 14) };
 * ```
 * @category Routing
 */
export interface Choice {
  readonly rep: string;
  /** Leads it had taken this period before this one. */
  readonly count: number;
  /** The share of this period's leads it had earned, this one included. */
  readonly earned: number;
  readonly lastAt: number | null;
}

/** One routing decision in a queue. */
export interface QueueDecision {
  /** Who takes the lead; undefined when no member is free. */
  readonly assignee: string | undefined;
  readonly choice: Choice | undefined;
  /** Members passed over, in queue order, with why. */
  readonly passed: readonly { readonly rep: string; readonly skipped: Skip }[];
  readonly ledger: QueueLedger;
}

const EMPTY_COUNT: Counter = { key: "", n: 0 };
const NO_ONE: ReadonlySet<string> = new Set();
const value = (acc: Accumulator): number => (acc.weight === 0 ? acc.base : acc.base + acc.since / acc.weight);
const reweighed = (acc: Accumulator, by: number): Accumulator => ({
  base: value(acc),
  since: 0,
  weight: acc.weight + by,
});
const isAbsence = (skip: Skip | null): boolean => skip === "away" || skip === "out_of_office" || skip === "off_hours";
/** Whether a member of a catch-up queue is owed its share of each lead: absent, and not at a cap. */
const owes = (q: CompiledQueue, m: { readonly skipped: Skip | null; readonly capped: boolean }): boolean =>
  q.queue.absence === "catch_up" && isAbsence(m.skipped) && !m.capped;

/** A member with nothing counted. */
const newMember = (rep: string): MemberLedger => ({
  rep,
  count: 0,
  lastAt: null,
  skipped: null,
  from: 0,
  held: 0,
  owed: 0,
  owedFrom: 0,
  repaidAt: null,
  day: EMPTY_COUNT,
  week: EMPTY_COUNT,
  month: EMPTY_COUNT,
  next: ALWAYS,
  released: false,
  capped: false,
});

/**
 * A ledger being worked on inside one call: the functions that change a queue build the next ledger
 * through it and hand back plain data; nothing outside the call sees it change.
 */
class Draft {
  tree: MemberTree<MemberLedger>;
  earned: Accumulator;
  owing: Accumulator;
  away: readonly string[];
  passed: readonly { readonly rep: string; readonly skipped: Skip }[];
  repaying: readonly number[];
  leads: number;
  local: LocalPeriods;
  at: number;
  readonly period: string;
  readonly q: CompiledQueue;

  constructor(q: CompiledQueue, ledger: QueueLedger) {
    this.q = q;
    this.tree = ledger.members;
    this.earned = ledger.earned;
    this.owing = ledger.owing;
    this.away = ledger.away;
    this.passed = ledger.passed;
    this.repaying = ledger.repaying;
    this.leads = ledger.leads;
    this.local = ledger.local;
    this.at = ledger.at;
    this.period = ledger.period;
  }

  ledger(): QueueLedger {
    return {
      version: 1,
      team: this.q.team,
      period: this.period,
      leads: this.leads,
      at: this.at,
      local: this.local,
      earned: this.earned,
      owing: this.owing,
      away: this.away,
      passed: this.passed,
      repaying: this.repaying,
      members: this.tree,
    };
  }

  member(i: number): MemberLedger {
    return memberAt(this.tree, this.q.reps.length, i);
  }

  /** What a member has earned at accumulator value `g`. */
  earnedBy(m: MemberLedger, i: number, g = value(this.earned)): number {
    return m.skipped === null ? (this.q.weights[i] as number) * (g - m.from) : m.held;
  }

  keys(m: MemberLedger, i: number): LeafKeys {
    if (m.skipped !== null) return { due: NEVER, ready: NEVER, pending: NEVER, change: m.next };
    const weight = this.q.weights[i] as number;
    switch (this.q.queue.strategy) {
      case "weighted": {
        // Due once it has earned one more lead than it holds: its lower quota. Shares are sums of
        // fractions: two members due at the same point in exact arithmetic may differ in the last bits
        // (0.6 against 0.6000000000000001), so the key is rounded to 1e-9 and the seeded rank breaks the tie.
        const due = Math.round((m.from + (m.count + 1) / weight) * 1e9) / 1e9;
        return m.released
          ? { due, ready: due, pending: NEVER, change: m.next }
          : { due, ready: NEVER, pending: releaseKey(m, weight), change: m.next };
      }
      case "least_recent": {
        const due = m.lastAt ?? ALWAYS;
        return { due, ready: due, pending: NEVER, change: m.next };
      }
      case "lightest_load": {
        const due = m.count / weight;
        return { due, ready: due, pending: NEVER, change: m.next };
      }
      default: {
        const unknown: never = this.q.queue.strategy;
        return unknown;
      }
    }
  }

  put(i: number, m: MemberLedger): void {
    this.tree = withMember(this.tree, this.q.reps.length, i, m, this.keys(m, i), this.q.ranks);
  }

  /** The counter of a unit, as it stands in the current local period. */
  counted(counter: Counter, key: string): number {
    return counter.key === key ? counter.n : 0;
  }

  /** Why member `i` is not free at `this.at`, and when that next changes. */
  availability(i: number, m: MemberLedger): { skipped: Skip | null; capped: boolean; next: number } {
    const at = this.at;
    let next = NEVER;
    let skipped: Skip | null = this.away.includes(this.q.reps[i] as string) ? "away" : null;
    const periods = this.q.outOfOffice[i] ?? [];
    const after = firstEndingAfter(periods, at);
    const period = periods[after];
    if (period !== undefined) {
      if (period.from <= at) {
        skipped ??= "out_of_office";
        next = period.to;
      } else next = period.from;
    }
    const calendar = this.q.calendars[i];
    if (calendar !== undefined) {
      // The first open interval ending after `at` says both: open now (it has begun) and until when,
      // or closed and when it opens; none when the calendar never opens again.
      let open = false;
      let change = NEVER;
      for (const interval of openIntervals(at, MAX_EPOCH_MS, calendar)) {
        open = interval.start.getTime() <= at;
        change = open ? interval.end.getTime() : interval.start.getTime();
        break;
      }
      if (!open) skipped ??= "off_hours";
      next = Math.min(next, change);
    }
    const caps = this.q.queue.caps ?? {};
    const local = this.local;
    const reached = (cap: number | undefined, counter: Counter, key: string, reason: Skip, ends: number): boolean => {
      if (cap === undefined || this.counted(counter, key) < cap) return false;
      skipped ??= reason;
      next = Math.min(next, ends);
      return true;
    };
    // Every cap is read, whatever came first: a member away and at a cap is not owed the lead.
    const day = reached(caps.day, m.day, local.day, "capped_day", local.dayEnds);
    const week = reached(caps.week, m.week, local.week, "capped_week", local.weekEnds);
    const month = reached(caps.month, m.month, local.month, "capped_month", local.monthEnds);
    return { skipped, capped: day || week || month, next };
  }

  /** Reads member `i`'s availability at `this.at` again and settles its shares if it came or went. */
  refresh(i: number): void {
    const m = this.member(i);
    const { skipped, capped, next } = this.availability(i, m);
    const weight = this.q.weights[i] as number;
    let settled: MemberLedger = { ...m, skipped, capped, next };
    const wasFree = m.skipped === null;
    const isFree = skipped === null;
    if (wasFree && !isFree) {
      settled = { ...settled, held: weight * (value(this.earned) - m.from) };
      this.earned = reweighed(this.earned, -weight);
    } else if (!wasFree && isFree) {
      this.earned = reweighed(this.earned, weight);
      settled = { ...settled, from: value(this.earned) - m.held / weight, released: false };
    }
    // Owed shares accrue while absent (not while capped), to members of a catch-up queue; each lead's
    // owed share is over the weight of the members not capped.
    const wasOwing = owes(this.q, m);
    const isOwing = owes(this.q, settled);
    if (wasOwing && !isOwing) settled = { ...settled, owed: m.owed + weight * (value(this.owing) - m.owedFrom) };
    else if (!wasOwing && isOwing) settled = { ...settled, owedFrom: value(this.owing) };
    if (m.capped !== capped) this.owing = reweighed(this.owing, capped ? -weight : weight);
    this.put(i, settled);
    if (wasFree !== isFree || m.skipped !== skipped) {
      const rep = this.q.reps[i] as string;
      const others = this.passed.filter((entry) => entry.rep !== rep);
      this.passed =
        skipped === null ? others : inQueueOrder([...others, { rep, skipped }], this.q.indexOf, (entry) => entry.rep);
    }
    const repays = isFree && settled.owed > 1e-9;
    if (repays !== this.repaying.includes(i))
      this.repaying = repays ? [...this.repaying, i].sort((a, b) => a - b) : this.repaying.filter((j) => j !== i);
  }

  /** Moves the draft to `at`: every member whose availability changed by then is read again. */
  advance(at: number, away: readonly string[]): void {
    this.local = periodsAt(this.q.zone, this.local, at);
    this.at = at;
    const changed = symmetricDifference(this.away, away, this.q.indexOf);
    this.away = away;
    for (const i of changed) this.refresh(i);
    while (this.tree.change <= at) this.refresh(this.tree.changeAt);
  }
}

/**
 * Released (may take a lead) once what it has earned passes its count, this lead included: its upper
 * quota. Shares are sums of fractions, so a count equal to a whole share may sit a rounding error below.
 */
const releaseKey = (m: MemberLedger, weight: number): number => m.from + (m.count + 1e-9) / weight;

/** The index of the first period ending after `at` (periods in order, not overlapping). */
function firstEndingAfter(periods: readonly { readonly to: number }[], at: number): number {
  let low = 0;
  let high = periods.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((periods[middle] as { to: number }).to <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

function inQueueOrder<T>(items: T[], indexOf: ReadonlyMap<string, number>, repOf: (item: T) => string): T[] {
  return items.sort((a, b) => (indexOf.get(repOf(a)) ?? 0) - (indexOf.get(repOf(b)) ?? 0));
}

/** Indexes of the reps in one list and not the other (both in queue order). */
function symmetricDifference(
  before: readonly string[],
  after: readonly string[],
  indexOf: ReadonlyMap<string, number>,
): number[] {
  if (before.length === 0 && after.length === 0) return [];
  const a = new Set(before);
  const b = new Set(after);
  return [...before.filter((rep) => !b.has(rep)), ...after.filter((rep) => !a.has(rep))]
    .map((rep) => indexOf.get(rep) as number)
    .sort((x, y) => x - y);
}

/** A new ledger at `at`: counts from zero, or carried over by rep from a ledger kept for other members. */
function freshLedger(
  q: CompiledQueue,
  at: number,
  period: string,
  carried?: QueueLedger,
  previous?: QueueLedger,
): QueueLedger {
  const local = periodsAt(q.zone, undefined, at);
  const known = new Map<string, MemberLedger>();
  let g = 0;
  if (carried !== undefined) {
    g = value(carried.earned);
    for (const m of membersOf(carried.members)) known.set(m.rep, m);
  }
  // At a reset the counts and shares start again, but a cap counts the leads of its day, week or
  // month whatever the reset (a week across the first of a month), and the last lead stays the last.
  const before = new Map<string, MemberLedger>();
  if (previous !== undefined) for (const m of membersOf(previous.members)) before.set(m.rep, m);
  const members = q.reps.map((rep, i): MemberLedger => {
    const old = known.get(rep);
    if (old === undefined) {
      const last = before.get(rep);
      return last === undefined
        ? { ...newMember(rep), skipped: "away" }
        : {
            ...newMember(rep),
            skipped: "away",
            lastAt: last.lastAt,
            day: last.day,
            week: last.week,
            month: last.month,
          };
    }
    const weight = q.weights[i] as number;
    const held = old.skipped === null ? weight * (g - old.from) : old.held;
    const owed =
      owes(q, old) && carried !== undefined ? old.owed + weight * (value(carried.owing) - old.owedFrom) : old.owed;
    return { ...old, skipped: "away", capped: false, held, owed, owedFrom: 0, next: ALWAYS };
  });
  // Everyone starts as absent with what it had earned held and nothing owed since, so reading each
  // member's availability settles it into the shares: one carried over keeps its share, a new one
  // starts at 0.
  const draft = new Draft(q, {
    version: 1,
    team: q.team,
    period,
    leads: carried?.leads ?? 0,
    at,
    local,
    earned: { base: 0, since: 0, weight: 0 },
    owing: { base: 0, since: 0, weight: q.weights.reduce((a, b) => a + b, 0) },
    away: [],
    passed: [],
    repaying: [],
    members: buildTree(members, (m) => ({ due: NEVER, ready: NEVER, pending: NEVER, change: m.next }), q.ranks),
  });
  for (let i = 0; i < q.reps.length; i += 1) draft.refresh(i);
  return draft.ledger();
}

function periodOf(q: CompiledQueue, local: LocalPeriods): string {
  switch (q.queue.reset) {
    case "never":
      return "all";
    case "monthly":
      return local.month;
    case "quarterly":
      return local.quarter;
    case "yearly":
      return local.year;
    default: {
      const unknown: never = q.queue.reset;
      return unknown;
    }
  }
}

/** The ledger to decide from at `at`: the one given, or a new one at a reset or for other members. */
function ledgerAt(q: CompiledQueue, ledger: QueueLedger | undefined, at: number): QueueLedger {
  const period = periodOf(q, periodsAt(q.zone, ledger?.local, at));
  if (ledger === undefined) return freshLedger(q, at, period);
  if (ledger.period !== period) return freshLedger(q, at, period, undefined, ledger);
  if (ledger.team !== q.team) return freshLedger(q, at, period, ledger);
  return ledger;
}

/**
 * Routes one lead through a queue at `at`: members away (the caller's `away`, an out-of-office period,
 * outside their calendar) or at a cap are passed over; among the rest the strategy chooses, ties by
 * the seeded rank. The ledger that comes back counts the lead; the one given is not changed. Cost:
 * O(log members) for the members the choice reads, plus the members whose availability changed.
 */
export function routeInQueue(
  q: CompiledQueue,
  ledger: QueueLedger | undefined,
  at: number,
  away: ReadonlySet<string> = NO_ONE,
): QueueDecision {
  if (ledger !== undefined && at < ledger.at)
    throw new HandoffKitError("invalid_argument", {
      detail:
        `route: now (${new Date(at).toISOString()}) is before queue "${q.queue.id}"'s last decision ` +
        `(${new Date(ledger.at).toISOString()}): route a queue's leads in time order`,
    });
  const draft = new Draft(q, ledgerAt(q, ledger, at));
  draft.advance(
    at,
    away.size === 0
      ? []
      : inQueueOrder(
          [...away].filter((rep) => q.indexOf.has(rep)),
          q.indexOf,
          (rep) => rep,
        ),
  );
  if (draft.earned.weight === 0)
    return { assignee: undefined, choice: undefined, passed: draft.passed, ledger: draft.ledger() };

  // This lead's share: earned by the free members, owed (catch-up) to those absent.
  const lead = draft.leads;
  draft.earned = { ...draft.earned, since: draft.earned.since + 1 };
  draft.owing = { ...draft.owing, since: draft.owing.since + 1 };
  if (q.queue.absence === "catch_up") repay(draft, lead);

  const g = value(draft.earned);
  if (q.queue.strategy === "weighted") markReleased(draft, g);
  // The member first due among those released; when none is, the first due of all.
  const chosen = draft.tree.ready < NEVER ? draft.tree.readyAt : draft.tree.dueAt;
  const m = draft.member(chosen);
  // Who was passed over for this lead: read before the lead can bring the member chosen to a cap.
  const passed = draft.passed;
  const choice: Choice = { rep: m.rep, count: m.count, earned: draft.earnedBy(m, chosen, g), lastAt: m.lastAt };
  const local = draft.local;
  draft.put(chosen, {
    ...m,
    count: m.count + 1,
    lastAt: at,
    day: { key: local.day, n: draft.counted(m.day, local.day) + 1 },
    week: { key: local.week, n: draft.counted(m.week, local.week) + 1 },
    month: { key: local.month, n: draft.counted(m.month, local.month) + 1 },
    // Still under its share after this lead (far behind after a credit back), it stays marked.
    released: m.released && releaseKey({ ...m, count: m.count + 1 }, q.weights[chosen] as number) < g,
  });
  draft.leads = lead + 1;
  // The lead may have brought it to a cap; nothing else about its availability changes with a lead.
  if (q.queue.caps !== undefined) draft.refresh(chosen);
  return { assignee: m.rep, choice, passed, ledger: draft.ledger() };
}

/**
 * Marks the members whose count is now under their earned share (release key below `g`), each once per
 * lead it takes, so finding the first due of them is O(log members); and unmarks a marked member first
 * due that is no longer under (a catch-up repayment moved the others' shares back, or a reassignment
 * raised its count), which is rare.
 */
function markReleased(draft: Draft, g: number): void {
  const mark = (i: number, released: boolean): void => {
    draft.put(i, { ...draft.member(i), released });
  };
  while (draft.tree.pending < g) mark(draft.tree.pendingAt, true);
  for (;;) {
    const first = draft.tree.ready < NEVER ? draft.tree.readyAt : -1;
    if (first === -1) return;
    const m = draft.member(first);
    if (releaseKey(m, draft.q.weights[first] as number) < g) return;
    mark(first, false);
  }
}

/**
 * Catch-up: a free member still owed leads is given one (or what is left of the debt), moved out of
 * the other free members' earned shares in proportion to their weights, at least `catchUpEvery` leads
 * after the last and never while it is already a lead behind.
 */
function repay(draft: Draft, lead: number): void {
  const q = draft.q;
  const every = q.queue.catchUpEvery ?? 3;
  for (const i of draft.repaying) {
    const m = draft.member(i);
    const weight = q.weights[i] as number;
    const othersWeight = draft.earned.weight - weight;
    // A member already a lead behind takes that lead first: paying faster than it can take leads
    // would only move the others' shares below what they hold.
    const behind = m.count < draft.earnedBy(m, i) - 1 - 1e-9;
    if (behind || othersWeight === 0 || (m.repaidAt !== null && lead - m.repaidAt < every)) continue;
    const paid = Math.min(1, m.owed);
    // The others each give up paid x weight / othersWeight: the accumulator they run on goes back by
    // paid / othersWeight; this member's start moves back by that and by paid / weight, a net gain of paid.
    draft.earned = { ...draft.earned, base: draft.earned.base - paid / othersWeight };
    const owed = m.owed - paid;
    draft.put(i, { ...m, owed, repaidAt: lead, from: m.from - paid / weight - paid / othersWeight });
    if (owed <= 1e-9) draft.repaying = draft.repaying.filter((j) => j !== i);
  }
}

/**
 * Each member's standing in a queue's ledger, in queue order: leads taken, the share earned, what is
 * still owed (catch-up), its last lead and why it was passed over at the last decision. O(members).
 */
export function queueStanding(
  q: CompiledQueue,
  ledger: QueueLedger,
): {
  rep: string;
  weight: number;
  count: number;
  earned: number;
  owed: number;
  lastAt: number | null;
  skipped: Skip | null;
}[] {
  const draft = new Draft(q, ledger);
  return membersOf(ledger.members).map((m, i) => ({
    rep: m.rep,
    weight: q.weights[i] as number,
    count: m.count,
    earned: draft.earnedBy(m, i),
    owed: owes(q, m) ? m.owed + (q.weights[i] as number) * (value(ledger.owing) - m.owedFrom) : m.owed,
    lastAt: m.lastAt,
    skipped: m.skipped,
  }));
}

/**
 * Gives a lead back to the queue (a meeting cancelled, a no-show, a rejection, when the team credits
 * them): the member's count as if it had not taken the lead, and the day, week and month counters it
 * was taken under, when those are still the current ones; what the other members earned from the lead
 * stays, so the member is under its share by one and is due the next lead it is free for. A member the
 * queue does not have, or with no lead this period, is left as it is.
 */
export function creditBack(q: CompiledQueue, ledger: QueueLedger, rep: string, takenAt: number): QueueLedger {
  const i = q.indexOf.get(rep);
  if (i === undefined || ledger.team !== q.team) return ledger;
  const draft = new Draft(q, ledger);
  const m = draft.member(i);
  const local = periodsAt(q.zone, ledger.local, takenAt);
  // A lead of an earlier period was counted in that period's counts, which have started again.
  if (m.count === 0 || periodOf(q, local) !== ledger.period) return ledger;
  const back = (counter: Counter, key: string) =>
    counter.key === key && counter.n > 0 ? { key, n: counter.n - 1 } : counter;
  draft.put(i, {
    ...m,
    count: m.count - 1,
    day: back(m.day, local.day),
    week: back(m.week, local.week),
    month: back(m.month, local.month),
  });
  // Below a cap again, it may be free.
  draft.refresh(i);
  return draft.ledger();
}

/**
 * Moves a lead from one member to another (an AE hands a meeting on): it is given back to the first,
 * as `creditBack` does, and counted for the second at `at`, under the day, week and month of `at`, as
 * if the second had taken it then. A second member outside the queue is only credited away from the
 * first.
 */
export function reassign(
  q: CompiledQueue,
  ledger: QueueLedger,
  move: { readonly from: string; readonly to: string; readonly takenAt: number; readonly at: number },
): QueueLedger {
  const credited = creditBack(q, ledger, move.from, move.takenAt);
  const i = q.indexOf.get(move.to);
  if (i === undefined || credited.team !== q.team) return credited;
  const draft = new Draft(q, credited);
  const m = draft.member(i);
  const local = periodsAt(q.zone, undefined, move.at);
  const plusOne = (counter: Counter, key: string) => ({ key, n: draft.counted(counter, key) + 1 });
  draft.put(i, {
    ...m,
    count: m.count + 1,
    lastAt: move.at,
    day: plusOne(m.day, local.day),
    week: plusOne(m.week, local.week),
    month: plusOne(m.month, local.month),
  });
  draft.refresh(i);
  // Counted under the day it moved, which may be later than the queue's last decision: its caps are
  // read again at the first decision from then.
  if (move.at > draft.at) {
    const moved = draft.member(i);
    draft.put(i, { ...moved, next: Math.min(moved.next, move.at) });
  }
  return draft.ledger();
}
