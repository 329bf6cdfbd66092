import { concatNumberLists, createNumberList, type NumberList } from "./quantile.js";

/** Lead sources in the order the tallies index them: SDR-sourced (outbound), inbound, partner. */
export const SOURCE_INDEX = { outbound: 0, inbound: 1, partner: 2 } as const;

/**
 * A current meeting's outcome as of `now`, the index of its count in a tally's meeting vectors.
 * `None`: no meeting (a draft).
 */
export const Outcome = { Held: 0, NoShow: 1, Cancelled: 2, Upcoming: 3, PastUnrecorded: 4, None: -1 } as const;

/** Counts for one SLA policy: cycles met, breached, still running, cancelled, and handoffs not evaluated. */
export interface SlaTally {
  met: number;
  breached: number;
  running: number;
  cancelled: number;
  notEvaluated: number;
}

/**
 * Everything one group's metrics are computed from: counts and sums that add, value lists that
 * concatenate, and small maps and sets that union. Two tallies merge exactly, in any order.
 */
export interface Tally {
  handoffs: number;
  booked: number;
  /** Current meetings by outcome (indexed by `Outcome`): all, warm handoffs, cold handoffs. */
  meetings: number[];
  meetingsWarm: number[];
  meetingsCold: number[];
  accepted: number;
  rejected: number;
  rejectedEver: number;
  recycledEver: number;
  rebooked: number;
  /**
   * Per source (see SOURCE_INDEX): opportunities, won, lost, won deals with an amount, their sum
   * and sum of squares, pipeline amount.
   */
  opportunities: number[];
  won: number[];
  lost: number[];
  deals: number[];
  dealSum: number[];
  dealSumOfSquares: number[];
  pipeline: number[];
  qualityCount: number;
  qualitySum: number;
  qualitySumOfSquares: number;
  qualityScores: number[];
  reasons: Map<string, number>;
  reasonsBySdr: Map<string, Map<string, number>>;
  reasonsBySegment: Map<string, Map<string, number>>;
  /** The week-start days with a booking, by SDR: the SDR-weeks. */
  sdrWeeks: Map<string, Set<number>>;
  followUpCalendar: NumberList;
  followUpBusiness: NumberList;
  touchToBooked: NumberList;
  sla: SlaTally[];
}

/** An empty tally, with room for `policies` SLA policies. */
export function createTally(policies: number): Tally {
  return {
    handoffs: 0,
    booked: 0,
    meetings: [0, 0, 0, 0, 0],
    meetingsWarm: [0, 0, 0, 0, 0],
    meetingsCold: [0, 0, 0, 0, 0],
    accepted: 0,
    rejected: 0,
    rejectedEver: 0,
    recycledEver: 0,
    rebooked: 0,
    opportunities: [0, 0, 0],
    won: [0, 0, 0],
    lost: [0, 0, 0],
    deals: [0, 0, 0],
    dealSum: [0, 0, 0],
    dealSumOfSquares: [0, 0, 0],
    pipeline: [0, 0, 0],
    qualityCount: 0,
    qualitySum: 0,
    qualitySumOfSquares: 0,
    qualityScores: [0, 0, 0, 0, 0],
    reasons: new Map(),
    reasonsBySdr: new Map(),
    reasonsBySegment: new Map(),
    sdrWeeks: new Map(),
    followUpCalendar: createNumberList(),
    followUpBusiness: createNumberList(),
    touchToBooked: createNumberList(),
    sla: Array.from({ length: policies }, () => ({ met: 0, breached: 0, running: 0, cancelled: 0, notEvaluated: 0 })),
  };
}

const COUNTS = [
  "handoffs",
  "booked",
  "accepted",
  "rejected",
  "rejectedEver",
  "recycledEver",
  "rebooked",
  "qualityCount",
  "qualitySum",
  "qualitySumOfSquares",
] as const satisfies readonly (keyof Tally)[];

const VECTORS = [
  "meetings",
  "meetingsWarm",
  "meetingsCold",
  "opportunities",
  "won",
  "lost",
  "deals",
  "dealSum",
  "dealSumOfSquares",
  "pipeline",
  "qualityScores",
] as const satisfies readonly (keyof Tally)[];

/** Adds `by` to the count of `key`. */
export function countInto(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function nestedCountInto(map: Map<string, Map<string, number>>, outer: string, inner: string, by = 1): void {
  let counts = map.get(outer);
  if (counts === undefined) {
    counts = new Map();
    map.set(outer, counts);
  }
  countInto(counts, inner, by);
}

/** Records that the SDR booked in the week starting on `week` (a day number). */
export function addSdrWeek(tally: Tally, sdrId: string, week: number): void {
  let weeks = tally.sdrWeeks.get(sdrId);
  if (weeks === undefined) {
    weeks = new Set();
    tally.sdrWeeks.set(sdrId, weeks);
  }
  weeks.add(week);
}

/** How many SDR-weeks have a booking. */
export function sdrWeekCount(tally: Tally): number {
  let count = 0;
  for (const weeks of tally.sdrWeeks.values()) count += weeks.size;
  return count;
}

/** Counts a rejection reason overall, for the SDR and for the segment. */
export function countReason(tally: Tally, reason: string, sdrId: string, segment: string): void {
  countInto(tally.reasons, reason);
  nestedCountInto(tally.reasonsBySdr, sdrId, reason);
  nestedCountInto(tally.reasonsBySegment, segment, reason);
}

/**
 * A new tally holding all the inputs' counts; no input changes. Without `withLists` the value lists
 * stay empty (the caller concatenates one list at a time, to keep the peak small).
 */
export function mergeTallies(tallies: readonly Tally[], policies: number, withLists = true): Tally {
  const merged = createTally(policies);
  for (const tally of tallies) {
    for (const key of COUNTS) merged[key] += tally[key];
    for (const key of VECTORS) tally[key].forEach((value, i) => (merged[key][i] = (merged[key][i] ?? 0) + value));
    for (const [reason, count] of tally.reasons) countInto(merged.reasons, reason, count);
    for (const [sdr, counts] of tally.reasonsBySdr)
      for (const [reason, count] of counts) nestedCountInto(merged.reasonsBySdr, sdr, reason, count);
    for (const [segment, counts] of tally.reasonsBySegment)
      for (const [reason, count] of counts) nestedCountInto(merged.reasonsBySegment, segment, reason, count);
    for (const [sdr, weeks] of tally.sdrWeeks) for (const week of weeks) addSdrWeek(merged, sdr, week);
    tally.sla.forEach((sla, i) => {
      const into = merged.sla[i];
      if (into === undefined) return;
      into.met += sla.met;
      into.breached += sla.breached;
      into.running += sla.running;
      into.cancelled += sla.cancelled;
      into.notEvaluated += sla.notEvaluated;
    });
  }
  // finish concatenates the lists itself, so building them here too changes only the cost.
  // Stryker disable next-line ConditionalExpression: performance only: see above
  if (!withLists) return merged;
  merged.followUpCalendar = concatNumberLists(tallies.map((tally) => tally.followUpCalendar));
  merged.followUpBusiness = concatNumberLists(tallies.map((tally) => tally.followUpBusiness));
  merged.touchToBooked = concatNumberLists(tallies.map((tally) => tally.touchToBooked));
  return merged;
}
