import { zoneRules, type ZoneRules } from "../core/zone-offsets.js";
import type { Calendar } from "../sla/index.js";
import type { RoutingQueue } from "./route-in-queue.js";
import { seededRank } from "./seeded-rank.js";

/** When a rep cannot take leads: out-of-office periods (from inclusive, to exclusive) and working hours. */
export interface RepAvailability {
  readonly outOfOffice?: readonly { readonly from: number; readonly to: number }[];
  /** A calendar from `handoff-kit/sla`: outside its open hours the rep is passed over. */
  readonly calendar?: Calendar;
}

/** A queue read once for routing: member indexes, weights, tie ranks, zone rules, availability. */
export interface CompiledQueue {
  readonly queue: RoutingQueue;
  readonly reps: readonly string[];
  readonly weights: readonly number[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Each member's place in the seeded tie order (lower first). */
  readonly ranks: readonly number[];
  /** The members and weights in one string: a ledger made for other members is carried over by rep. */
  readonly team: string;
  readonly zone: ZoneRules;
  readonly outOfOffice: readonly (readonly { readonly from: number; readonly to: number }[])[];
  readonly calendars: readonly (Calendar | undefined)[];
}

/** Reads a queue once for routing: its members' indexes, weights, tie ranks and availability. */
export function compileQueue(
  queue: RoutingQueue,
  seed: string,
  availability: Readonly<Record<string, RepAvailability>> = {},
): CompiledQueue {
  const reps = queue.members.map((member) => member.rep);
  const ranks: number[] = reps.map(() => 0);
  seededRank(reps, seed).forEach((index, place) => {
    ranks[index] = place;
  });
  const own = (rep: string) => (Object.hasOwn(availability, rep) ? availability[rep] : undefined);
  return {
    queue,
    reps,
    weights: queue.members.map((member) => member.weight),
    indexOf: new Map(reps.map((rep, index) => [rep, index])),
    ranks,
    team: JSON.stringify(queue.members.map((member) => [member.rep, member.weight])),
    zone: zoneRules(queue.timeZone),
    outOfOffice: reps.map((rep) => merged(own(rep)?.outOfOffice ?? [])),
    calendars: reps.map((rep) => own(rep)?.calendar),
  };
}

/** Periods in order with those that overlap or touch made one, so an instant is in at most one. */
function merged(periods: readonly { readonly from: number; readonly to: number }[]) {
  const sorted = periods.filter((period) => period.from < period.to).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const period of sorted) {
    const last = out.at(-1);
    if (last !== undefined && period.from <= last.to) last.to = Math.max(last.to, period.to);
    else out.push({ from: period.from, to: period.to });
  }
  return out;
}
