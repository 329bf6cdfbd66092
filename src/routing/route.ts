import { DAY } from "../core/duration.js";
import { isoDateOfDay, weekdayOf } from "../core/days.js";
import { instantToWall, zoneRules } from "../core/zone-offsets.js";
import { seededRank } from "./seeded-rank.js";

/**
 * One routing decision as a pure function of the state, the lead's queue and the instant: who takes
 * the lead, why, and the next state (plain data). Work in progress on the routing branch (issue 18):
 * the weighted queue keeps place for an absent or capped member; catch-up, credit back and the rules
 * around it come next.
 */

/** A member of a queue; `weight` is a positive whole number (ratios: 200/100/100). */
export interface QueueMember {
  readonly rep: string;
  readonly weight: number;
}

/** How a queue chooses among the members free to take a lead. */
export type QueueStrategy = "weighted" | "least_recent" | "lightest_load";

/** A queue: its members, how it chooses, and what it counts in its zone. */
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

/** What a queue has counted for one member since its last reset. */
export interface MemberLedger {
  /** Leads taken this period. */
  readonly count: number;
  /**
   * The share of this period's leads the member has earned: its weight over the free members' weight,
   * for each lead it was free for.
   */
  readonly entitled: number;
  /** When it last took a lead (epoch ms), or null. */
  readonly lastAt: number | null;
  /** With catch-up, the share missed while away and not yet given back. */
  readonly owed: number;
  /** The queue's lead number at which an owed lead was last given back, or null. */
  readonly repaidAt: number | null;
  /** Leads taken in the current local day, week and month, each with the key it counts for. */
  readonly day: { readonly key: string; readonly n: number };
  readonly week: { readonly key: string; readonly n: number };
  readonly month: { readonly key: string; readonly n: number };
}

/** A queue's state: the period it counts in and each member's ledger. */
export interface QueueLedger {
  readonly period: string;
  /** Leads routed this period. */
  readonly leads: number;
  readonly members: Readonly<Record<string, MemberLedger>>;
}

/** Why a member did not take a lead. */
export type Skip = "away" | "capped_day" | "capped_week" | "capped_month";

/** One routing decision. */
export interface QueueDecision {
  /** Who takes the lead; undefined when no member is free. */
  readonly assignee: string | undefined;
  /** Each member, free or not, with the reason it was passed over. */
  readonly members: readonly { readonly rep: string; readonly skipped: Skip | undefined }[];
  readonly ledger: QueueLedger;
}

/** The keys an instant counts under in a zone: its local day, the Monday of its ISO week, month, quarter, year. */
function localKeys(timeZone: string, at: number) {
  const day = Math.floor(instantToWall(zoneRules(timeZone), at) / DAY);
  const date = isoDateOfDay(day);
  const monday = day - ((weekdayOf(day) + 6) % 7);
  const month = date.slice(0, 7);
  const quarter = `${date.slice(0, 4)}-Q${String(Math.ceil(Number(date.slice(5, 7)) / 3))}`;
  return { day: date, week: isoDateOfDay(monday), month, quarter, year: date.slice(0, 4) };
}

const EMPTY_COUNT = { key: "", n: 0 };

/**
 * Routes one lead through a queue at `at`: members in `away` are passed over, as is a member at a cap;
 * among the rest the strategy chooses, ties by the rank `seed` gives. The ledger that comes back
 * counts the lead; the one given is not changed.
 */
export function routeInQueue(
  queue: RoutingQueue,
  ledger: QueueLedger | undefined,
  at: number,
  away: ReadonlySet<string>,
  seed: string,
): QueueDecision {
  const keys = localKeys(queue.timeZone, at);
  const period = { never: "all", monthly: keys.month, quarterly: keys.quarter, yearly: keys.year }[queue.reset];
  const same = ledger !== undefined && ledger.period === period;
  const current = same ? ledger.members : {};
  const lead = same ? ledger.leads : 0;
  const ledgers = queue.members.map(({ rep }): MemberLedger => {
    const known = Object.hasOwn(current, rep) ? current[rep] : undefined;
    const base = known ?? {
      count: 0,
      entitled: 0,
      lastAt: null,
      owed: 0,
      repaidAt: null,
      day: EMPTY_COUNT,
      week: EMPTY_COUNT,
      month: EMPTY_COUNT,
    };
    return {
      ...base,
      day: base.day.key === keys.day ? base.day : { key: keys.day, n: 0 },
      week: base.week.key === keys.week ? base.week : { key: keys.week, n: 0 },
      month: base.month.key === keys.month ? base.month : { key: keys.month, n: 0 },
    };
  });
  const caps = queue.caps ?? {};
  const skipped = queue.members.map(({ rep }, i): Skip | undefined => {
    const member = ledgers[i] as MemberLedger;
    if (away.has(rep)) return "away";
    if (caps.day !== undefined && member.day.n >= caps.day) return "capped_day";
    if (caps.week !== undefined && member.week.n >= caps.week) return "capped_week";
    if (caps.month !== undefined && member.month.n >= caps.month) return "capped_month";
    return undefined;
  });
  const free = queue.members.flatMap((_, i) => (skipped[i] === undefined ? [i] : []));
  const rank = seededRank(
    queue.members.map(({ rep }) => rep),
    seed,
  ).filter((i) => skipped[i] === undefined);
  const weight = (i: number): number => (queue.members[i] as QueueMember).weight;
  const freeWeight = free.reduce((sum, i) => sum + weight(i), 0);
  // This lead's share, earned by the free members; with catch-up, owed to those away.
  const entitled = ledgers.map(
    (member, i) => member.entitled + (skipped[i] === undefined ? weight(i) / freeWeight : 0),
  );
  const owed = ledgers.map((member) => member.owed);
  const repaidAt = ledgers.map((member) => member.repaidAt);
  if (queue.absence === "catch_up" && free.length > 0) {
    const notCapped = queue.members.reduce(
      (sum, member, i) => sum + (skipped[i] === undefined || skipped[i] === "away" ? member.weight : 0),
      0,
    );
    const every = queue.catchUpEvery ?? 3;
    queue.members.forEach((member, i) => {
      if (skipped[i] === "away") owed[i] = (owed[i] as number) + member.weight / notCapped;
      const last = repaidAt[i] ?? null;
      // A member already a lead behind takes that lead first: paying faster than it can take leads
      // would only move the others' shares below what they hold.
      const behind = (ledgers[i] as MemberLedger).count < (entitled[i] as number) - 1;
      if (skipped[i] !== undefined || (owed[i] as number) <= 1e-9 || behind || (last !== null && lead - last < every))
        return;
      // One owed lead (or what is left of the debt) moves from the other free members to this one.
      const paid = Math.min(1, owed[i] as number);
      const othersWeight = freeWeight - member.weight;
      if (othersWeight === 0) return;
      owed[i] = (owed[i] as number) - paid;
      repaidAt[i] = lead;
      entitled[i] = (entitled[i] as number) + paid;
      for (const j of free) if (j !== i) entitled[j] = (entitled[j] as number) - (paid * weight(j)) / othersWeight;
    });
  }
  const chosen = free.length === 0 ? -1 : choose(queue, ledgers, entitled, free, rank);
  const members: Record<string, MemberLedger> = {};
  queue.members.forEach(({ rep }, i) => {
    const member = ledgers[i] as MemberLedger;
    const took = i === chosen ? 1 : 0;
    members[rep] = {
      count: member.count + took,
      entitled: entitled[i] as number,
      lastAt: took === 1 ? at : member.lastAt,
      owed: owed[i] as number,
      repaidAt: repaidAt[i] ?? null,
      day: { key: member.day.key, n: member.day.n + took },
      week: { key: member.week.key, n: member.week.n + took },
      month: { key: member.month.key, n: member.month.n + took },
    };
  });
  return {
    assignee: chosen === -1 ? undefined : queue.members[chosen]?.rep,
    members: queue.members.map(({ rep }, i) => ({ rep, skipped: skipped[i] })),
    ledger: { period, leads: free.length === 0 ? lead : lead + 1, members },
  };
}

function choose(
  queue: RoutingQueue,
  ledgers: readonly MemberLedger[],
  entitled: readonly number[],
  free: readonly number[],
  rank: readonly number[],
): number {
  const weight = (i: number): number => (queue.members[i] as QueueMember).weight;
  const count = (i: number): number => (ledgers[i] as MemberLedger).count;
  switch (queue.strategy) {
    case "weighted": {
      // Balinski and Young's quota method on what each free member has earned, this lead included:
      // one may take it only while its count is under that (its upper quota), and the largest
      // earned / (count + 1) takes it. While the same members are free, what each has earned is its
      // weighted share of the leads so far, and this is the method on the counts (within one lead of
      // the share after every lead); a member away or capped earns nothing meanwhile (keep place).
      const earned = (i: number): number => entitled[i] as number;
      // Shares are sums of fractions: a count equal to a whole share may sit a rounding error below it.
      const under = rank.filter((i) => count(i) < earned(i) - 1e-9);
      let best = -1;
      for (const i of under.length > 0 ? under : rank)
        if (best === -1 || earned(i) * (count(best) + 1) > earned(best) * (count(i) + 1)) best = i;
      return best;
    }
    case "least_recent": {
      const last = (i: number): number => (ledgers[i] as MemberLedger).lastAt ?? Number.NEGATIVE_INFINITY;
      let best = -1;
      for (const i of rank) if (best === -1 || last(i) < last(best)) best = i;
      return best;
    }
    case "lightest_load": {
      // Fewest leads per unit of weight, compared cross-multiplied.
      let best = -1;
      for (const i of rank) if (best === -1 || count(i) * weight(best) < count(best) * weight(i)) best = i;
      return best;
    }
    default: {
      const unknown: never = queue.strategy;
      return unknown;
    }
  }
}

/**
 * Gives a lead back to the queue (a meeting cancelled, a no-show, a rejection, when the team credits
 * them): the member's count as if it had not taken the lead, and the day, week and month counters it
 * was taken under, when those are still the current ones; what the other members earned from the lead
 * stays, so the member is under its share by one and the quota method sends it the next lead it is
 * free for. A member the ledger does not know, or with no lead this period, is left as it is.
 */
export function creditBack(queue: RoutingQueue, ledger: QueueLedger, rep: string, takenAt: number): QueueLedger {
  const member = Object.hasOwn(ledger.members, rep) ? ledger.members[rep] : undefined;
  if (member === undefined || member.count === 0) return ledger;
  const keys = localKeys(queue.timeZone, takenAt);
  const back = (counter: { readonly key: string; readonly n: number }, key: string) =>
    counter.key === key && counter.n > 0 ? { key, n: counter.n - 1 } : counter;
  return {
    period: ledger.period,
    leads: ledger.leads,
    members: {
      ...ledger.members,
      [rep]: {
        ...member,
        count: member.count - 1,
        day: back(member.day, keys.day),
        week: back(member.week, keys.week),
        month: back(member.month, keys.month),
      },
    },
  };
}

/**
 * Moves a lead from one member to another (an AE hands a meeting on): it is given back to the first,
 * as `creditBack` does, and counted for the second at `at`, under the day, week and month of `at`, as
 * if the second had taken it then. A second member outside the queue is only credited away from the
 * first.
 */
export function reassign(
  queue: RoutingQueue,
  ledger: QueueLedger,
  move: { readonly from: string; readonly to: string; readonly takenAt: number; readonly at: number },
): QueueLedger {
  const credited = creditBack(queue, ledger, move.from, move.takenAt);
  if (!queue.members.some((member) => member.rep === move.to)) return credited;
  const keys = localKeys(queue.timeZone, move.at);
  const known = Object.hasOwn(credited.members, move.to) ? credited.members[move.to] : undefined;
  const member = known ?? {
    count: 0,
    entitled: 0,
    lastAt: null,
    owed: 0,
    repaidAt: null,
    day: EMPTY_COUNT,
    week: EMPTY_COUNT,
    month: EMPTY_COUNT,
  };
  const plusOne = (counter: { readonly key: string; readonly n: number }, key: string) => ({
    key,
    n: counter.key === key ? counter.n + 1 : 1,
  });
  return {
    ...credited,
    members: {
      ...credited.members,
      [move.to]: {
        ...member,
        count: member.count + 1,
        lastAt: move.at,
        day: plusOne(member.day, keys.day),
        week: plusOne(member.week, keys.week),
        month: plusOne(member.month, keys.month),
      },
    },
  };
}
