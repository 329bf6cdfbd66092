import type { Handoff } from "../handoff/index.js";
import { compiledRouting, type Routing } from "./define-routing.js";
import type { Skip } from "./route-in-queue.js";
import { creditBack, reassignLead, route, type Lead, type RoutingState } from "./route.js";

/**
 * Which outcomes give a lead back to its queue (each a switch, off by default), and who was away when
 * beyond what the routing's availability says.
 *
 * @example
 * ```ts
 * import type { WhatIfOptions } from "handoff-kit/routing";
 * const options: WhatIfOptions = {
 *   creditBack: { cancelled: true, noShow: true, rejected: false },
 *   away: (rep, at) => rep === "ae-ana" && at < Date.UTC(2026, 11, 7),
 * };
 * ```
 * @category Routing
 */
export interface WhatIfOptions {
  readonly creditBack?: { readonly cancelled?: boolean; readonly noShow?: boolean; readonly rejected?: boolean };
  /** Whether a rep was away at an instant (out of office, or outside their calendar). */
  readonly away?: (rep: string, at: number) => boolean;
}

/**
 * One handoff as the proposed routing would have assigned it, next to the AE who actually had it.
 *
 * @example
 * ```ts
 * import type { WhatIfAssignment } from "handoff-kit/routing";
 * const row: WhatIfAssignment = {
 *   handoff: "h-1", at: Date.UTC(2026, 11, 1, 15), actual: "ae-ben", routed: "ae-ana", queue: "team", rule: undefined,
 * };
 * ```
 * @category Routing
 */
export interface WhatIfAssignment {
  readonly handoff: string;
  readonly at: number;
  readonly actual: string;
  readonly routed: string | undefined;
  readonly queue: string | undefined;
  readonly rule: string | undefined;
}

/**
 * A queue member's leads over the replay (those given back not counted) against its weighted share of
 * all the leads its queue kept.
 *
 * @example
 * ```ts
 * import type { WhatIfShare } from "handoff-kit/routing";
 * const share: WhatIfShare = { queue: "team", rep: "ae-ana", leads: 31, target: 30 };
 * ```
 * @category Routing
 */
export interface WhatIfShare {
  readonly queue: string;
  readonly rep: string;
  readonly leads: number;
  readonly target: number;
}

/**
 * What a proposed routing would have done with past handoffs.
 *
 * @example
 * ```ts
 * import type { WhatIfReport } from "handoff-kit/routing";
 * declare const report: WhatIfReport;
 * console.log(`${String(report.differing)} of ${String(report.assignments.length)} would have gone elsewhere`);
 * ```
 * @category Routing
 */
export interface WhatIfReport {
  readonly assignments: readonly WhatIfAssignment[];
  /** Handoffs the proposed routing gives to someone other than the AE who had them. */
  readonly differing: number;
  readonly shares: readonly WhatIfShare[];
  /** Decisions in which a member was passed over for a cap, by the cap. */
  readonly capsHit: Readonly<Partial<Record<Skip, number>>>;
}

/** A handoff as a lead: its segment, source, the account's industry and region, and its domain. */
function leadOf(handoff: Handoff): Lead {
  return {
    id: handoff.id,
    segment: handoff.segment,
    source: handoff.source,
    industry: handoff.account.industry,
    territory: handoff.account.region,
    email: handoff.account.domain ?? handoff.prospect.email,
  };
}

type Step =
  | { readonly kind: "route"; readonly at: number; readonly index: number; readonly handoff: Handoff }
  | { readonly kind: "credit"; readonly at: number; readonly index: number }
  | { readonly kind: "reassign"; readonly at: number; readonly index: number; readonly to: string };

/**
 * Replays past handoffs through a proposed routing: each record is routed at its earliest booking, in
 * time order across the team (two records with one id are two leads), and its later outcomes give it
 * back (cancelled, no-show, rejected: each a switch) or move it (an AE reassignment) as they happened.
 * Pure.
 *
 * @example
 * ```ts
 * import { parseHandoffs } from "handoff-kit/handoff";
 * import { defineRouting, whatIf } from "handoff-kit/routing";
 * declare const records: unknown[]; // a CRM export read by handoff-kit/adapters
 * const handoffs = parseHandoffs(records).valid.map((record) => record.value);
 * const proposed = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [{
 *     id: "team",
 *     members: [{ rep: "ae-ana", weight: 2 }, { rep: "ae-ben", weight: 1 }],
 *     strategy: "weighted",
 *     timeZone: "America/New_York",
 *     reset: "monthly",
 *   }],
 *   seed: "review",
 * });
 * const report = whatIf(handoffs, proposed, { creditBack: { cancelled: true, noShow: true } });
 * for (const share of report.shares) console.log(share.rep, share.leads, "of a target", share.target.toFixed(1));
 * ```
 * @category Routing
 */
export function whatIf(handoffs: readonly Handoff[], routing: Routing, options: WhatIfOptions = {}): WhatIfReport {
  const setup = routing.setup;
  const compiled = compiledRouting(routing, "whatIf").queues;
  const credit = options.creditBack ?? {};
  const steps: Step[] = [];
  handoffs.forEach((handoff, index) => {
    // The first booking in time, wherever the export listed it.
    let first: number | undefined;
    for (const event of handoff.events)
      if (event.type === "booked" && (first === undefined || event.at.getTime() < first)) first = event.at.getTime();
    if (first === undefined) return;
    steps.push({ kind: "route", at: first, index, handoff });
    for (const event of handoff.events) {
      if (event.at.getTime() < first) continue;
      const gives =
        (event.type === "cancelled" && credit.cancelled === true) ||
        (event.type === "no_show" && credit.noShow === true) ||
        (event.type === "rejected" && credit.rejected === true);
      if (gives) steps.push({ kind: "credit", at: event.at.getTime(), index });
      if (event.type === "reassigned" && event.role === "ae")
        steps.push({ kind: "reassign", at: event.at.getTime(), index, to: event.to });
    }
  });
  // Stable: steps at one instant keep the order they were found in.
  steps.sort((a, b) => a.at - b.at);

  let state: RoutingState = { queues: {} };
  const assignments: WhatIfAssignment[] = [];
  // By the handoff's index, not its id: an export may repeat an id, and each record is its own lead.
  const holder = new Map<number, { queue: string; rep: string; takenAt: number; credited: boolean }>();
  // Everyone a lead can go to: the queues' members and the accounts' owners.
  const reps = [
    ...new Set([
      ...setup.queues.flatMap((queue) => queue.members.map((member) => member.rep)),
      ...Object.values(setup.accountOwners ?? {}),
    ]),
  ];
  const capsHit: Partial<Record<Skip, number>> = {};
  // Leads each member holds over the whole replay (the ledgers start again at each reset).
  const held = new Map<string, number>();
  const hold = (queue: string, rep: string, by: number) =>
    held.set(`${queue}\u0000${rep}`, (held.get(`${queue}\u0000${rep}`) ?? 0) + by);
  for (const step of steps) {
    if (step.kind === "route") {
      const away = new Set(reps.filter((rep) => options.away?.(rep, step.at) === true));
      const result = route(state, leadOf(step.handoff), routing, { now: step.at, away });
      state = result.state;
      for (const { skipped } of result.explanation.passed)
        if (skipped.startsWith("capped_")) capsHit[skipped] = (capsHit[skipped] ?? 0) + 1;
      assignments.push({
        handoff: step.handoff.id,
        at: step.at,
        actual: step.handoff.ae.id,
        routed: result.assignee,
        queue: result.queue,
        rule: result.rule,
      });
      if (result.by === "queue" && result.queue !== undefined && result.assignee !== undefined) {
        holder.set(step.index, { queue: result.queue, rep: result.assignee, takenAt: step.at, credited: false });
        hold(result.queue, result.assignee, 1);
      }
      continue;
    }
    const lead = holder.get(step.index);
    if (lead === undefined || lead.credited) continue;
    hold(lead.queue, lead.rep, -1);
    if (step.kind === "credit") {
      state = creditBack(state, routing, { queue: lead.queue, rep: lead.rep, takenAt: lead.takenAt });
      lead.credited = true;
    } else {
      state = reassignLead(state, routing, {
        queue: lead.queue,
        from: lead.rep,
        to: step.to,
        takenAt: lead.takenAt,
        at: step.at,
      });
      holder.set(step.index, { ...lead, rep: step.to, takenAt: step.at });
      if (compiled.get(lead.queue)?.indexOf.has(step.to) === true) hold(lead.queue, step.to, 1);
    }
  }

  const shares: WhatIfShare[] = [];
  for (const queue of setup.queues) {
    const members = queue.members.map((member) => ({
      ...member,
      leads: held.get(`${queue.id}\u0000${member.rep}`) ?? 0,
    }));
    const routed = members.reduce((sum, member) => sum + member.leads, 0);
    const weight = members.reduce((sum, member) => sum + member.weight, 0);
    for (const member of members)
      shares.push({ queue: queue.id, rep: member.rep, leads: member.leads, target: (routed * member.weight) / weight });
  }
  return {
    assignments,
    differing: assignments.filter((assignment) => assignment.routed !== assignment.actual).length,
    shares,
    capsHit,
  };
}
