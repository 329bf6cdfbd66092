import { compareCodeUnits } from "../core/order.js";
import { isoDateDay, isoDateOfDay } from "../core/days.js";
import { HandoffKitError } from "../core/error.js";
import { describeValue } from "../core/describe-value.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { type Handoff, LENIENT_LIFECYCLE, type LifecycleRules, summarize } from "../handoff/index.js";
import { DEFAULT_RUBRIC, pickWalkthroughs, type Rubric, type Walkthrough } from "../rubric/index.js";
import type { Calendar, MeetingEvent, SlaPolicy, Weekday } from "../sla/index.js";
import { requireSlaPolicies } from "../sla/internal.js";
import { wallToInstant, zoneRules } from "../core/zone-offsets.js";
import { DAY } from "../core/duration.js";
import type { DataIssue } from "./accumulator.js";
import { weekCutter, type WeekOptions } from "./group-by.js";
import { assessHealth, type HealthFinding } from "./health.js";
import { DEFAULT_HEALTH_BANDS, requireBands, type HealthBand } from "./health-bands.js";
import { DEFAULT_READ_POLICIES, OUTCOMES, policyCycles } from "./policy-cycles.js";
import { eventsAsOf, requireHandoff, requireRules } from "../handoff/internal.js";
import { requireRubric } from "../rubric/internal.js";
import { isIterable, requireObject } from "../core/guards.js";
import { accumulateFor, openAccumulator } from "./accumulator.js";
import { finish, reasonCounts, type ReasonCount, type Scoreboard } from "./finish.js";
import type { GroupDimension } from "./group-by.js";
import { requireBoard } from "./require-board.js";
import { countInto } from "./tally.js";

/**
 * The options of {@link huddleReport}.
 *
 * @example
 * ```ts
 * import type { HuddleReportOptions } from "handoff-kit/metrics";
 * const options: HuddleReportOptions = {
 *   now: new Date("2026-11-16T14:00:00Z"),
 *   weekOf: "2026-11-09",
 *   week: { timeZone: "America/New_York" },
 * };
 * ```
 * @category Huddle
 */
export interface HuddleReportOptions {
  readonly now: InstantInput;
  /** Any local date (`YYYY-MM-DD`) in the week to report; by default the last complete week before `now`. */
  readonly weekOf?: string;
  /**
   * How weeks are cut, as for the scoreboard: the team's reporting zone, whose wall clock cuts them
   * (UTC by default), and the day they start on (Monday by default).
   */
  readonly week?: WeekOptions;
  /**
   * The SLA policies whose breaches are listed (by default the AE's one-business-day decision, from
   * the handoff-checklist article, and 48-hour follow-up, from the 2027 handoff-process Q&A).
   */
  readonly policies?: readonly SlaPolicy<MeetingEvent>[];
  /** Business calendars by id, for the policies' `"ae"` and `"sdr"` calendars. */
  readonly calendars?: Readonly<Record<string, Calendar>>;
  readonly rubric?: Rubric;
  readonly bands?: readonly HealthBand[];
  readonly lifecycle?: LifecycleRules;
  /**
   * The scoreboards the calibration and the findings read, computed elsewhere: in SQL, read back with
   * `scoreboardFromSql` (`handoff-kit/sql`). Each must be of these handoffs at `now`, cut in the
   * report's weeks; by default they are computed here.
   */
  readonly boards?: HuddleBoards;
}

/**
 * The four scoreboards a huddle reads, each of the same handoffs at the report's `now` and in its
 * weeks, without SLA policies: by segment (the ICP calibration), and by SDR, by week and by SDR and
 * week (the health findings and the trend red flag).
 *
 * @example
 * ```ts
 * import type { HuddleBoards } from "handoff-kit/metrics";
 * import { scoreboardFromSql, type ScoreboardSqlResults, type SqlGroupDimension } from "handoff-kit/sql";
 * // The rows of scoreboardSql and rejectionReasonsSql with these options, grouped so, from any engine.
 * declare const resultsBy: (groupBy: SqlGroupDimension | SqlGroupDimension[]) => ScoreboardSqlResults;
 * const options = { dialect: "duckdb", now: new Date("2026-11-16T14:00:00Z") } as const;
 * const board = (groupBy: SqlGroupDimension | SqlGroupDimension[]) =>
 *   scoreboardFromSql(resultsBy(groupBy), { ...options, groupBy });
 * const boards: HuddleBoards = {
 *   bySegment: board("segment"),
 *   bySdr: board("sdr"),
 *   byWeek: board("week"),
 *   bySdrWeek: board(["sdr", "week"]),
 * };
 * ```
 * @category Huddle
 */
export interface HuddleBoards {
  readonly bySegment: Scoreboard;
  readonly bySdr: Scoreboard;
  readonly byWeek: Scoreboard;
  readonly bySdrWeek: Scoreboard;
}

/** What each of the huddle's boards is grouped by. */
const BOARD_GROUPS: Readonly<Record<keyof HuddleBoards, readonly ("segment" | "sdr" | "week")[]>> = {
  bySegment: ["segment"],
  bySdr: ["sdr"],
  byWeek: ["week"],
  bySdrWeek: ["sdr", "week"],
};

/** Throws `invalid_argument` unless each board is grouped as its name says, at `now`, in these weeks. */
function requireBoards(boards: unknown, now: number, timeZone: string, startsOn: Weekday): HuddleBoards {
  requireObject(boards, "huddleReport", "options.boards");
  for (const [name, groupBy] of Object.entries(BOARD_GROUPS)) {
    const board: unknown = (boards as Partial<Record<string, unknown>>)[name];
    requireBoard(board, `huddleReport: options.boards.${name}`);
    let problem: string | undefined;
    if (board.groupBy.join(",") !== groupBy.join(","))
      problem = `is grouped by [${board.groupBy.join(", ")}], not [${groupBy.join(", ")}]`;
    else if (board.now.getTime() !== now) problem = `is at ${board.now.toISOString()}, not the report's now`;
    else if (board.week.timeZone !== timeZone || board.week.startsOn !== startsOn)
      problem = `cuts weeks in ${board.week.timeZone} from ${board.week.startsOn}, not ${timeZone} from ${startsOn}`;
    if (problem !== undefined)
      throw new HandoffKitError("invalid_argument", {
        detail: `huddleReport: options.boards.${name} ${problem}`,
      });
  }
  return boards as HuddleBoards;
}

/**
 * One SLA breach of the week: the handoff, the policy and its owner (`ae` or `sdr`), the deadline
 * (within the week) and how late the response was, or is still (to `now`).
 *
 * @example
 * ```ts
 * import type { HuddleBreach } from "handoff-kit/metrics";
 * const hoursLate = (breach: HuddleBreach): number => breach.lateBy / 3_600_000;
 * ```
 * @category Huddle
 */
export interface HuddleBreach {
  readonly handoffId: string;
  readonly policyId: string;
  readonly label: string;
  readonly owner: string;
  readonly sdrId: string;
  readonly aeId: string;
  readonly deadline: Date;
  readonly lateBy: number;
  readonly stillOpen: boolean;
}

/**
 * The weekly SDR-AE huddle (the handoff-checklist article, see docs/sources.md: thirty minutes on
 * the numbers, two handoffs to walk, SLA breaches on both sides, ICP calibration), with the health
 * findings.
 *
 * @example
 * ```ts
 * import type { HuddleReport } from "handoff-kit/metrics";
 * const headline = (report: HuddleReport): string =>
 *   `${report.week.start}: ${String(report.numbers.booked)} booked, ${String(report.numbers.rejected)} rejected`;
 * ```
 * @category Huddle
 */
export interface HuddleReport {
  readonly now: Date;
  /** The week's first local date and the first date after it, in `timeZone`. */
  readonly week: { readonly start: string; readonly end: string; readonly timeZone: string };
  /**
   * The week's activity: booked (by booking time), accepted and rejected (by decision time), held
   * and no-show (by meeting time).
   */
  readonly numbers: {
    readonly booked: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly held: number;
    readonly noShow: number;
    readonly reasons: readonly ReasonCount[];
  };
  readonly bySdr: readonly {
    readonly sdrId: string;
    readonly name: string;
    readonly booked: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly noShow: number;
  }[];
  /** The strong and the weak handoff booked this week, by brief score. */
  readonly walkthroughs: { readonly strong?: Walkthrough; readonly weak?: Walkthrough };
  /** Breaches whose deadline fell in the week, by owner then lateness. */
  readonly breaches: readonly HuddleBreach[];
  /** Rejection reasons by segment over every handoff decided by `now`: where the ICP or the bar needs calibrating. */
  readonly icpCalibration: readonly {
    readonly segment: string;
    readonly decided: number;
    readonly rejected: number;
    readonly reasons: readonly ReasonCount[];
  }[];
  readonly findings: readonly HealthFinding[];
  readonly names: Readonly<Record<string, string>>;
  readonly dataIssues: readonly DataIssue[];
}

function weekBounds(
  options: HuddleReportOptions,
  now: number,
): { startDay: number; from: number; to: number; timeZone: string; startsOn: Weekday } {
  if (options.week !== undefined) requireObject(options.week, "huddleReport", "options.week");
  const cutter = weekCutter(options.week, "huddleReport: options.week");
  const timeZone = cutter.timeZone;
  let startDay: number;
  const { weekOf } = options;
  if (weekOf === undefined) startDay = cutter.startDay(now) - 7;
  else {
    const day = isoDateDay(weekOf);
    if (day === undefined)
      throw new HandoffKitError("invalid_argument", {
        detail: `huddleReport: options.weekOf must be a date as YYYY-MM-DD: ${describeValue(weekOf)}`,
      });
    // Noon of the day is inside it whatever the zone's offset changes do at midnight.
    startDay = cutter.startDay(wallToInstant(zoneRules(timeZone), day * DAY + DAY / 2));
  }
  const rules = zoneRules(timeZone);
  return {
    startDay,
    from: wallToInstant(rules, startDay * DAY),
    to: wallToInstant(rules, (startDay + 7) * DAY),
    timeZone,
    startsOn: cutter.startsOn,
  };
}

const dateOf = (day: number): string => isoDateOfDay(day);

/**
 * Builds the weekly SDR-AE huddle from full handoff records: the week's numbers (booked, accepted,
 * rejected and why, held, no-shows, per SDR), one strong and one weak handoff to walk through (by
 * brief score), the SLA breaches on both sides, ICP calibration from rejection reasons by segment,
 * and the health findings (bands, differences between SDRs the data supports, and the trend red
 * flag per SDR and for the team). Render it with {@link renderHuddleReport}. The handoffs are read in
 * one pass, from an array or any iterable (a stream read once from a file): what is held is the
 * counts, the week's bookings and breaches and the boards' accumulators, not the handoffs.
 *
 * @example
 * ```ts
 * import { huddleReport, renderHuddleReport } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const report = huddleReport(handoffs, {
 *   now: new Date("2026-11-16T14:00:00Z"),
 *   weekOf: "2026-11-09",
 *   week: { timeZone: "America/New_York" },
 * });
 * console.log(renderHuddleReport(report, { format: "markdown" }));
 * ```
 * @category Huddle
 */
export function huddleReport(handoffs: Iterable<Handoff>, options: HuddleReportOptions): HuddleReport {
  requireObject(options, "huddleReport", "options");
  const now = toEpochMs(options.now, "huddleReport: options.now");
  if (!isIterable(handoffs))
    throw new HandoffKitError("invalid_argument", {
      detail: "huddleReport expects an array (or any iterable) of parsed handoffs (parseHandoffs)",
    });
  const { startDay, from, to, timeZone, startsOn } = weekBounds(options, now);
  const lifecycle = options.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(lifecycle, "huddleReport: options.lifecycle");
  const policies = options.policies ?? DEFAULT_READ_POLICIES;
  requireSlaPolicies(policies, "huddleReport", "options.policies");
  // Every definition is checked here, whatever the week holds: a bad rubric with no booking to score,
  // or bad bands with no group to judge, would otherwise pass unnoticed.
  const rubric = options.rubric ?? DEFAULT_RUBRIC;
  requireRubric(rubric, "huddleReport");
  const bands = options.bands ?? DEFAULT_HEALTH_BANDS;
  requireBands(bands, "huddleReport", "options.bands");
  const given = options.boards === undefined ? undefined : requireBoards(options.boards, now, timeZone, startsOn);
  const inWeek = (at: Date | undefined): boolean => at !== undefined && at.getTime() >= from && at.getTime() < to;
  const common = { now, week: { timeZone, startsOn }, lifecycle } as const;
  // The boards are accumulated as the handoffs pass (none needs the events: no SLA compliance); boards
  // given from elsewhere list no data issues, so one ungrouped accumulator finds the handoffs' own.
  const groupings: Readonly<Record<string, readonly GroupDimension[]>> =
    given === undefined ? BOARD_GROUPS : { issues: [] };
  const accumulators = Object.entries(groupings).map(
    ([name, groupBy]) => [name, openAccumulator({ ...common, groupBy }, "huddleReport")] as const,
  );

  // One pass, holding what the report shows (counts, the week's bookings and breaches) and the
  // accumulators: the handoffs may be a stream read once, of any length.
  // A Map, not an object: a rep id such as `__proto__` is data, not a prototype.
  const names = new Map<string, string>();
  const reasons = new Map<string, number>();
  const bySdr = new Map<string, { booked: number; accepted: number; rejected: number; noShow: number }>();
  const numbers = { booked: 0, accepted: 0, rejected: 0, held: 0, noShow: 0 };
  const bookedThisWeek: Handoff[] = [];
  const breaches: HuddleBreach[] = [];
  const byId = options.calendars ?? {};
  let index = 0;
  for (const handoff of handoffs) {
    requireHandoff(handoff, `huddleReport (record ${String(index)})`);
    index += 1;
    names.set(handoff.sdr.id, handoff.sdr.name);
    names.set(handoff.ae.id, handoff.ae.name);
    const row = summarize(handoff, lifecycle, { now });
    for (const [, acc] of accumulators) accumulateFor(acc, row, undefined, "huddleReport");
    if (row.skippedEvents > 0) continue;
    const sdr = bySdr.get(row.sdrId) ?? { booked: 0, accepted: 0, rejected: 0, noShow: 0 };
    if (inWeek(row.bookedAt)) {
      numbers.booked += 1;
      sdr.booked += 1;
      // The walkthrough shows the handoff as it stood at `now`: events after it are not known yet.
      const events = eventsAsOf(handoff.events, now, lifecycle);
      bookedThisWeek.push(events === handoff.events ? handoff : { ...handoff, events: [...events] });
    }
    if (inWeek(row.decidedAt)) {
      if (row.decision === "accepted") {
        numbers.accepted += 1;
        sdr.accepted += 1;
      } else if (row.decision === "rejected") {
        numbers.rejected += 1;
        sdr.rejected += 1;
        countInto(reasons, row.reason ?? "unspecified");
      }
    }
    if (inWeek(row.meetingStart)) {
      if (row.meetingStatus === "held") numbers.held += 1;
      if (row.meetingStatus === "no_show") {
        numbers.noShow += 1;
        sdr.noShow += 1;
      }
    }
    if (sdr.booked + sdr.accepted + sdr.rejected + sdr.noShow > 0) bySdr.set(row.sdrId, sdr);
    // A clock whose deadline is in the week started before its end; how long before, no bound tells
    // (a policy's target may be months, a calendar closed for weeks), so every earlier one is read.
    if (row.bookedAt === undefined || row.bookedAt.getTime() >= to) continue;
    for (const read of policyCycles(handoff, row, policies, byId, now, lifecycle, OUTCOMES)) {
      if (!("cycles" in read)) continue;
      const { policy } = read;
      for (const cycle of read.cycles) {
        // A breached cycle's breach is its deadline.
        if (cycle.state !== "breached" || cycle.deadline < from || cycle.deadline >= to) continue;
        const until = cycle.stoppedAt ?? now;
        breaches.push({
          handoffId: handoff.id,
          policyId: policy.id,
          label: policy.label,
          owner: policy.owner ?? "unassigned",
          sdrId: row.sdrId,
          aeId: row.aeId,
          deadline: new Date(cycle.deadline),
          lateBy: until - cycle.deadline,
          stillOpen: cycle.stoppedAt === undefined,
        });
      }
    }
  }
  breaches.sort(
    (a, b) => compareCodeUnits(a.owner, b.owner) || b.lateBy - a.lateBy || compareCodeUnits(a.handoffId, b.handoffId),
  );

  const finished = new Map(accumulators.map(([name, acc]) => [name, finish(acc)]));
  const board = (name: string): Scoreboard => finished.get(name) as Scoreboard;
  const boards = given ?? {
    bySegment: board("bySegment"),
    bySdr: board("bySdr"),
    byWeek: board("byWeek"),
    bySdrWeek: board("bySdrWeek"),
  };
  const findings = [
    ...assessHealth(boards.bySdr, bands).findings,
    ...assessHealth(boards.byWeek, bands).findings.filter((finding) => finding.scope !== "overall"),
    ...assessHealth(boards.bySdrWeek, bands).findings.filter((finding) => finding.scope !== "overall"),
  ];
  // The handoffs' own data issues, as a board of them lists them; boards from SQL list none.
  const dataIssues = (given === undefined ? boards.bySdr : board("issues")).dataIssues;

  return {
    now: new Date(now),
    week: { start: dateOf(startDay), end: dateOf(startDay + 7), timeZone },
    numbers: { ...numbers, reasons: reasonCounts(reasons) },
    bySdr: [...bySdr]
      .map(([sdrId, counts]) => ({ sdrId, name: names.get(sdrId) ?? sdrId, ...counts }))
      .sort((a, b) => b.booked - a.booked || compareCodeUnits(a.sdrId, b.sdrId)),
    walkthroughs: pickWalkthroughs(bookedThisWeek, rubric),
    breaches,
    icpCalibration: boards.bySegment.groups.map((group) => ({
      segment: group.key,
      decided: group.metrics.acceptanceRate.denominator,
      rejected: group.metrics.acceptanceRate.denominator - group.metrics.acceptanceRate.numerator,
      reasons: group.metrics.rejectionReasons.byCode,
    })),
    findings,
    names: Object.fromEntries(names),
    dataIssues,
  };
}
