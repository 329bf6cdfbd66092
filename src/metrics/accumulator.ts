import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isId, isRecord, ownValue, requireObject, requireWholeNumber } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import type { Issue } from "../core/issue.js";
import {
  type Handoff,
  HANDOFF_STATUSES,
  type HandoffSummary,
  LENIENT_LIFECYCLE,
  type LifecycleRules,
  MEETING_STATUSES,
  type SkippedEvent,
} from "../handoff/index.js";
import { calendarKey, parsedHandoffProblem, requireRules, summaryRow, unparsedField } from "../handoff/internal.js";
import { businessTimeBetween, type Calendar, type MeetingEvent, type SlaPolicy } from "../sla/index.js";
import { requireSlaPolicies } from "../sla/internal.js";
import {
  checkDimensions,
  dimensionName,
  requireWeekOptions,
  weekCutter,
  type GroupDimension,
  type WeekCutter,
  type WeekOptions,
} from "./group-by.js";
import { precisionOf, type Precision } from "./metric.js";
import { pushNumber, type NumberList } from "./quantile.js";
import { OUTCOMES, policyCycles } from "./policy-cycles.js";
import { snapshotGroupProblem } from "./snapshot-tally.js";
import { addSdrWeek, countReason, createTally, mergeTallies, Outcome, SOURCE_INDEX, type Tally } from "./tally.js";

/**
 * The options of a scoreboard (and of its accumulator).
 *
 * @example
 * ```ts
 * import type { ScoreboardOptions } from "handoff-kit/metrics";
 * const weekly: ScoreboardOptions = {
 *   now: new Date("2026-11-14T02:00:00Z"),
 *   groupBy: "week",
 *   week: { timeZone: "America/New_York" },
 * };
 * ```
 * @category Scoreboard
 */
export interface ScoreboardOptions {
  /**
   * The as-of instant: events after it are ignored (as if not yet recorded), meetings starting at or
   * after it are upcoming, and SLA clocks are judged at it. Summary rows are read as they are: make
   * them with `summarize(handoff, rules, { now })` for the same cut-off.
   */
  readonly now: InstantInput;
  /** One dimension or several (a group per combination). Without it there is one group, the whole. */
  readonly groupBy?: GroupDimension | readonly GroupDimension[];
  /** How weeks are cut, for `groupBy: "week"` and for SDR-weeks (UTC, Monday by default). */
  readonly week?: WeekOptions;
  /** SLA policies to report compliance for; full records only (summary rows carry no events). */
  readonly policies?: readonly SlaPolicy<MeetingEvent>[];
  /**
   * Business calendars by key: a rep's `calendarId`, or their id (see `calendarKeyOf`). The current
   * AE's calendar gives business-time follow-up and the policies' `"ae"` calendar; the current SDR's, the `"sdr"` one.
   */
  readonly calendars?: Readonly<Record<string, Calendar>>;
  /** The rules full records are folded with (the lenient ones by default, as `summarize` uses). */
  readonly lifecycle?: LifecycleRules;
  /** Of every interval (0.95 by default). */
  readonly confidence?: number;
  /** Below this denominator a metric is flagged `lowSample` (10 by default, as Chili Piper's no-show analysis uses). */
  readonly minSample?: number;
  /**
   * Deal sizes and pipeline count amounts in this currency only (`USD` by default; an amount
   * without a currency of its own is taken to be in it).
   */
  readonly currency?: string;
}

/**
 * What a scoreboard reads: full handoff records (folded with `summarize`; SLA compliance needs them)
 * or `summarize` rows.
 *
 * @example
 * ```ts
 * import type { ScoreboardInput } from "handoff-kit/metrics";
 * import { summarize, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * const inputs: ScoreboardInput[] = [handoff, summarize(handoff)];
 * ```
 * @category Scoreboard
 */
export type ScoreboardInput = Handoff | HandoffSummary;

/**
 * A handoff the scoreboard could not fully use, by its index in the input: `excluded` when it is
 * left out of every metric (an inconsistent history, a missing or invalid identifying field), else
 * only the bad fields are left out of the metrics that need them.
 *
 * @example
 * ```ts
 * import type { DataIssue } from "handoff-kit/metrics";
 * const line = (issue: DataIssue): string =>
 *   `#${String(issue.index)} ${issue.id ?? "?"}: ${issue.issues.map((i) => i.code).join(", ")}`;
 * ```
 * @category Scoreboard
 */
export interface DataIssue {
  readonly index: number;
  readonly id?: string;
  readonly excluded: boolean;
  readonly issues: readonly Issue[];
}

/**
 * A scoreboard in progress: fold handoffs in with {@link accumulate}, combine partial ones with
 * {@link merge}, read the result with {@link finish}. Its contents are private; `seen` counts the
 * handoffs folded in.
 *
 * @example
 * ```ts
 * import { createAccumulator, type ScoreboardAccumulator } from "handoff-kit/metrics";
 * const acc: ScoreboardAccumulator = createAccumulator({ now: new Date("2026-11-14T02:00:00Z") });
 * acc.seen; // 0
 * ```
 * @category Accumulators
 */
export interface ScoreboardAccumulator {
  readonly kind: "scoreboard-accumulator";
  readonly seen: number;
}

/** The options, checked and resolved once. */
export interface Settings {
  /** `now` in epoch milliseconds. */
  readonly now: number;
  /** The grouping dimensions, in order. */
  readonly dimensions: readonly GroupDimension[];
  /** How weeks are cut. */
  readonly weeks: WeekCutter;
  /** The SLA policies reported. */
  readonly policies: readonly SlaPolicy<MeetingEvent>[];
  /** Calendars by id, when given. */
  readonly calendars: Readonly<Record<string, Calendar>> | undefined;
  /** The rules records are folded with. */
  readonly lifecycle: LifecycleRules;
  /** Confidence and low-sample threshold. */
  readonly precision: Precision;
  /** The currency amounts are counted in. */
  readonly currency: string;
  /** What two accumulators must share to merge. */
  readonly signature: string;
}

/** One group of an accumulator: its dimension values and its tally. */
export interface Group {
  /** The value of each dimension, in order. */
  readonly keys: readonly string[];
  /** Its counts. */
  tally: Tally;
}

/** What an accumulator holds. */
export interface AccumulatorState extends ScoreboardAccumulator {
  /** Handoffs folded in so far. */
  seen: number;
  /** The options, resolved. */
  readonly settings: Settings;
  /** The groups by key (the dimension values joined by NUL). */
  readonly groups: Map<string, Group>;
  /** Every data issue so far. */
  readonly issues: DataIssue[];
  /** Handoffs left out entirely. */
  excluded: number;
  /** The current handoff's issues (see accumulate). */
  readonly scratch: Issue[];
}

/** The options checked and resolved; misuse names `fn`, the function the caller called. */
function resolve(options: ScoreboardOptions, fn: string): Settings {
  if (!isRecord(options))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options must be an object with now: ${describeValue(options)}`,
    });
  const now = toEpochMs(options.now, `${fn}: options.now`);
  const dimensions = checkDimensions(options.groupBy, fn);
  const { week, policies: policyList } = options as { week?: unknown; policies?: unknown };
  requireWeekOptions(week, `${fn}: options.week`);
  if (policyList !== undefined) requireSlaPolicies(policyList, fn, "options.policies");
  const lifecycle = options.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(lifecycle, `${fn}: options.lifecycle`);
  const weeks = weekCutter(options.week, `${fn}: options.week`);
  const precision = precisionOf(options, fn);
  const currency = options.currency ?? "USD";
  const policies = options.policies ?? [];
  const signature = JSON.stringify([
    now,
    dimensions.map(dimensionName),
    weeks.timeZone,
    weeks.startsOn,
    policies.map((policy) => policy.id),
    precision.confidence,
    precision.minSample,
    currency,
  ]);
  return {
    now,
    dimensions,
    weeks,
    policies,
    calendars: options.calendars,
    lifecycle,
    precision,
    currency,
    signature,
  };
}

/**
 * Starts an empty scoreboard accumulator. Options are checked here, once; misuse (an invalid `now`,
 * an unknown time zone, a confidence outside (0, 1), an unknown grouping) throws `HandoffKitError`.
 *
 * @example
 * ```ts
 * import { accumulate, createAccumulator, finish } from "handoff-kit/metrics";
 * import type { HandoffSummary } from "handoff-kit/handoff";
 * declare const stream: Iterable<HandoffSummary>;
 * const acc = createAccumulator({ now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" });
 * for (const row of stream) accumulate(acc, row);
 * const board = finish(acc);
 * ```
 * @category Accumulators
 */
export function createAccumulator(options: ScoreboardOptions): ScoreboardAccumulator {
  return openAccumulator(options, "createAccumulator");
}

/** {@link createAccumulator} for `fn`, which misuse errors name (`scoreboard` opens one too). */
export function openAccumulator(options: ScoreboardOptions, fn: string): ScoreboardAccumulator {
  return newState(0, resolve(options, fn), new Map(), [], 0);
}

/**
 * Marks what this module made. It is not enumerable, so a copy (`{ ...acc }`) or a JSON round trip
 * lacks it and is refused, and the parts never replaced are not writable: an accumulator's state can
 * change only through accumulate, so finish never reads a part a caller changed by hand.
 */
const MADE_HERE = /* @__PURE__ */ Symbol("scoreboard-accumulator");

function newState(
  seen: number,
  settings: Settings,
  groups: Map<string, Group>,
  issues: DataIssue[],
  excluded: number,
): AccumulatorState {
  const state = { kind: "scoreboard-accumulator", seen, excluded } as Pick<
    AccumulatorState,
    "kind" | "seen" | "excluded"
  >;
  const fixed = (value: unknown): PropertyDescriptor => ({ value, enumerable: true, writable: false });
  return Object.defineProperties(state, {
    settings: fixed(Object.freeze(settings)),
    groups: fixed(groups),
    issues: fixed(issues),
    scratch: fixed([]),
    [MADE_HERE]: { value: true },
  }) as AccumulatorState;
}

/** The accumulator's private state; anything not made by createAccumulator throws `invalid_argument`. */
function stateOfAccumulator(acc: ScoreboardAccumulator, fn: string): AccumulatorState {
  const candidate: unknown = acc;
  if (!isRecord(candidate) || !(MADE_HERE in candidate))
    throw new HandoffKitError("invalid_argument", {
      detail:
        `${fn}: not an accumulator made by createAccumulator (or merge, or restoreAccumulator): ` +
        describeValue(candidate),
    });
  const state = acc as AccumulatorState;
  // The two counts are the only writable parts: one set by hand to anything but a count is refused.
  if (!Number.isInteger(state.seen) || !Number.isInteger(state.excluded))
    throw new HandoffKitError("invalid_argument", { detail: `${fn}: the accumulator's counts were changed by hand` });
  return state;
}

export { stateOfAccumulator };

const STATUSES: ReadonlySet<unknown> = new Set(HANDOFF_STATUSES);
const MEETING_STATUS_SET: ReadonlySet<unknown> = new Set(MEETING_STATUSES);

/**
 * Whether a row's status agrees with its decision, outcome, meeting and cycles, as every row
 * `summarize` makes does (its state type allows no other). A row from elsewhere (a warehouse, a
 * CSV) that disagrees would put a handoff in a numerator without its denominator (accepted but
 * never booked), so it is left out.
 */
function consistent(row: HandoffSummary): boolean {
  const { status, decision, outcome } = row;
  if ((status === "draft") !== (row.cycles === 0)) return false;
  if (status === "draft") return decision === undefined && outcome === undefined && row.meetingStatus === "none";
  if (status === "booked") return decision === undefined && outcome === undefined;
  if (status === "accepted") return decision === "accepted" && outcome === undefined;
  if (status === "won" || status === "lost") return decision === "accepted" && outcome === status;
  return decision === "rejected" && outcome === undefined;
}

/** One `invalid_field` issue for each identifying field a row lacks. */
const IDENTITY_CHECKS: readonly {
  readonly field: keyof HandoffSummary;
  readonly ok: (row: HandoffSummary) => boolean;
  readonly message: string;
}[] = [
  { field: "sdrId", ok: (row) => isId(row.sdrId), message: "sdrId must be a non-empty string" },
  { field: "aeId", ok: (row) => isId(row.aeId), message: "aeId must be a non-empty string" },
  { field: "segment", ok: (row) => isId(row.segment), message: "segment must be a non-empty string" },
  {
    field: "source",
    ok: (row) => typeof row.source === "string" && Object.hasOwn(SOURCE_INDEX, row.source),
    message: "source must be outbound, inbound or partner",
  },
  { field: "status", ok: (row) => STATUSES.has(row.status), message: "status must be a handoff status" },
  {
    field: "meetingStatus",
    ok: (row) => MEETING_STATUS_SET.has(row.meetingStatus),
    message: "meetingStatus must be a meeting status",
  },
  {
    field: "cycles",
    ok: (row) => Number.isInteger(row.cycles) && row.cycles >= 0,
    message: "cycles must be a whole number",
  },
  {
    // A count read from a file or a warehouse may arrive as text: "2" is no count, and a row whose
    // refused events cannot be counted cannot be told apart from a clean one.
    field: "skippedEvents",
    ok: (row) => Number.isInteger(row.skippedEvents) && row.skippedEvents >= 0,
    message: "skippedEvents must be a whole number (the events the lifecycle refused)",
  },
  {
    field: "firstSkipped",
    ok: (row) => row.firstSkipped === undefined || skippedEventShaped(row.firstSkipped),
    message: "firstSkipped must be undefined or { index, id, type, rule } as summarize makes it",
  },
];

/** Whether a row's first skipped event is as `summarize` makes it; rows from elsewhere may not be. */
function skippedEventShaped(first: unknown): boolean {
  if (!isRecord(first)) return false;
  const { index, id, type, rule } = first as Partial<Record<keyof SkippedEvent, unknown>>;
  return (
    Number.isInteger(index) &&
    (index as number) >= 0 &&
    typeof id === "string" &&
    typeof type === "string" &&
    typeof rule === "string"
  );
}

/**
 * Why a row cannot be counted at all, or undefined (the common case allocates nothing). A row this
 * accumulator folded from a full record is checked for a refused history only: its shape and
 * consistency are the lifecycle's types.
 */
function identityIssues(row: HandoffSummary, folded: boolean): Issue[] | undefined {
  let issues: Issue[] | undefined;
  // Stryker disable next-line ConditionalExpression: performance only: a parsed record's row passes every check
  if (!folded)
    for (const check of IDENTITY_CHECKS)
      if (!check.ok(row)) (issues ??= []).push({ code: "invalid_field", path: [check.field], message: check.message });
  if (!folded && issues === undefined && !consistent(row)) {
    issues = [
      {
        code: "inconsistent_row",
        path: ["status"],
        message:
          `status ${row.status} does not agree with decision ${describeValue(row.decision)}, ` +
          `outcome ${describeValue(row.outcome)}, meeting ${row.meetingStatus} and ${String(row.cycles)} cycles`,
      },
    ];
  }
  if (Number.isInteger(row.skippedEvents) && row.skippedEvents > 0) {
    const first = skippedEventShaped(row.firstSkipped) ? row.firstSkipped : undefined;
    const which =
      first === undefined
        ? ""
        : `: event ${String(first.index)} (${first.type}, id ${first.id}) is refused because ${first.rule}`;
    const count =
      row.skippedEvents === 1 ? "1 recorded event breaks" : `${String(row.skippedEvents)} recorded events break`;
    (issues ??= []).push({
      code: "inconsistent_history",
      path: first === undefined ? ["events"] : ["events", first.index],
      message: `${count} the lifecycle's rules${which}; the handoff is left out until its history is fixed`,
    });
  }
  return issues;
}

/** Summarises a full record; a value that is not a parsed handoff is reported, not thrown. */
function summaryOf(input: ScoreboardInput, settings: Settings): HandoffSummary | Issue {
  if (!("events" in input)) return input;
  // accumulate asked unparsedField already.
  const problem = parsedHandoffProblem(input);
  if (problem !== undefined)
    return { code: "invalid_record", path: [], message: `Not a parsed handoff (parseHandoffs): ${problem}` };
  try {
    return summaryRow(input, settings.lifecycle, settings.now);
  } catch {
    return {
      code: "invalid_record",
      path: [],
      message: "Not a parsed handoff: check records with parseHandoffs first",
    };
  }
}

/**
 * The group a row falls in; one dimension (the usual case) builds no key. No closures here: a
 * function whose variables an inner closure captures allocates a context on every call.
 */
function groupOf(state: AccumulatorState, row: HandoffSummary, weekStart: number | undefined): Group {
  const { dimensions } = state.settings;
  // Stryker disable next-line StringLiteral: equivalent: with no dimension every row falls in the one group
  let key = "";
  // Stryker disable next-line EqualityOperator: equivalent: dimensions[length] is undefined, and skipped
  for (let i = 0; i < dimensions.length; i += 1) {
    const dimension = dimensions[i];
    if (dimension === undefined) continue;
    key = i === 0 ? keyOf(state, dimension, row, weekStart) : `${key}\u0000${keyOf(state, dimension, row, weekStart)}`;
  }
  let group = state.groups.get(key);
  if (group === undefined) {
    const keys: string[] = [];
    for (const dimension of dimensions) keys.push(keyOf(state, dimension, row, weekStart));
    group = { keys, tally: createTally(state.settings.policies.length) };
    state.groups.set(key, group);
  }
  return group;
}

function keyOf(
  state: AccumulatorState,
  dimension: GroupDimension,
  row: HandoffSummary,
  weekStart: number | undefined,
): string {
  if (typeof dimension !== "string") {
    // A user's function may break its type at run time; a key is always a string.
    const value: unknown = dimension.key(row);
    return typeof value === "string" ? value : describeValue(value);
  }
  if (dimension === "sdr") return row.sdrId;
  if (dimension === "ae") return row.aeId;
  if (dimension === "segment") return row.segment;
  if (dimension === "source") return row.source;
  return weekStart === undefined ? "none" : state.settings.weeks.name(weekStart);
}

function indexOption(options: AccumulateOptions, seen: number): number {
  requireObject(options, "accumulate", "options");
  const { index } = options;
  if (index === undefined) return seen;
  requireWholeNumber(index, "accumulate: options.index", 0);
  return index;
}

/** Records the issues of the handoff at `index`; `excluded` when it is left out entirely. */
function report(
  state: AccumulatorState,
  index: number,
  issues: readonly Issue[],
  excluded: boolean,
  id: unknown,
): void {
  if (excluded) state.excluded += 1;
  state.issues.push({ index, ...(typeof id === "string" ? { id } : {}), excluded, issues: [...issues] });
}

/**
 * Options of {@link accumulate}.
 *
 * @example
 * ```ts
 * import type { AccumulateOptions } from "handoff-kit/metrics";
 * const options: AccumulateOptions = { index: 1_000 }; // the 1,001st handoff of the whole stream
 * ```
 * @category Accumulators
 */
export interface AccumulateOptions {
  /**
   * The handoff's index in data issues: by default its position in this accumulator's stream; pass
   * the global position when folding chunks to merge later. A whole number, 0 or more.
   */
  readonly index?: number;
}

/**
 * Folds one handoff (a full record or a `summarize` row) into the accumulator, in place, and returns
 * it; `options.index` names the handoff in data issues (see {@link AccumulateOptions}). Bad data never
 * throws: it is reported by index, and left out of the denominators it cannot support.
 *
 * @example
 * ```ts
 * import { accumulate, createAccumulator, finish } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const board = finish(
 *   handoffs.reduce(
 *     (acc, handoff) => accumulate(acc, handoff),
 *     createAccumulator({ now: new Date("2026-11-14T02:00:00Z") }),
 *   ),
 * );
 * ```
 * @category Accumulators
 */
export function accumulate(
  acc: ScoreboardAccumulator,
  handoff: ScoreboardInput,
  options?: AccumulateOptions,
): ScoreboardAccumulator {
  return accumulateFor(acc, handoff, options, "accumulate");
}

/** {@link accumulate} for `fn`, which misuse errors name (`scoreboard` accumulates too). */
export function accumulateFor(
  acc: ScoreboardAccumulator,
  handoff: ScoreboardInput,
  options: AccumulateOptions | undefined,
  fn: string,
): ScoreboardAccumulator {
  const state = stateOfAccumulator(acc, fn);
  // No options object is made when none is given: this runs once per handoff of the stream.
  const position = options === undefined ? state.seen : indexOption(options, state.seen);
  const unparsed = unparsedField(handoff);
  if (unparsed !== undefined) {
    throw new HandoffKitError("invalid_argument", {
      detail:
        `${fn} expects parsed handoffs or summary rows: call parseHandoffs first; ` +
        `record ${String(position)} has ${unparsed}`,
    });
  }
  state.seen += 1;
  if (!isRecord(handoff)) {
    report(
      state,
      position,
      [{ code: "invalid_record", path: [], message: "A handoff must be an object" }],
      true,
      undefined,
    );
    return acc;
  }
  const summary = summaryOf(handoff, state.settings);
  if ("code" in summary) {
    report(state, position, [summary], true, handoff.id);
    return acc;
  }
  const row = summary;
  // Stryker disable next-line StringLiteral: performance only: a parsed record's row passes the row checks too
  const fatal = identityIssues(row, "events" in handoff);
  if (fatal !== undefined) {
    report(state, position, fatal, true, row.id);
    return acc;
  }

  const { settings } = state;
  // Reused for every handoff, so that a clean one allocates nothing; copied when reported. Instants
  // stay Dates until the arithmetic that stores them (an epoch-ms double passed between functions
  // is boxed on the heap, one per call: a million rows would leave megabytes of garbage).
  const issues = state.scratch;
  issues.length = 0;
  const bookedAt = dateField(row.bookedAt, "bookedAt", issues);
  const createdAt = dateField(row.createdAt, "createdAt", issues);
  const meetingStart = dateField(row.meetingStart, "meetingStart", issues);
  const followUpAt = dateField(row.firstFollowUpAt, "firstFollowUpAt", issues);
  const firstTouchAt = dateField(row.firstTouchAt, "firstTouchAt", issues);
  const firstBookedAt = dateField(row.firstBookedAt, "firstBookedAt", issues);
  const weekOf = bookedAt ?? createdAt;
  const weekStart = weekOf === undefined ? undefined : settings.weeks.startDayOf(weekOf);
  const tally = groupOf(state, row, weekStart).tally;

  tally.handoffs += 1;
  if (row.status !== "draft") {
    tally.booked += 1;
    if (weekStart !== undefined && bookedAt !== undefined) addSdrWeek(tally, row.sdrId, weekStart);
  }
  countMeeting(tally, row, meetingStart, settings.now);
  countDecision(
    tally,
    row,
    moneyOf(row.acceptedAmount, row.acceptedCurrency, "accepted", settings, issues),
    moneyOf(row.wonAmount, row.wonCurrency, "won", settings, issues),
  );
  countQuality(tally, row, issues);
  if (bookedAt !== undefined && followUpAt !== undefined)
    countFollowUp(tally, row, bookedAt, followUpAt, settings, issues);
  if (firstTouchAt !== undefined && firstBookedAt !== undefined) {
    if (!pushSpan(tally.touchToBooked, firstTouchAt, firstBookedAt)) {
      issues.push({
        code: "negative_duration",
        path: ["firstTouchAt"],
        message: "The first touch is after the first booking; it is left out of the time to booked",
      });
    }
  }
  // With no policy slaInto counts nothing (the events it cuts were folded already, without a throw).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
  if (settings.policies.length > 0 && "events" in handoff) slaInto(tally, handoff, row, settings, issues);
  if (issues.length > 0) report(state, position, issues, false, row.id);
  return acc;
}

/**
 * A Date field's value when it is a valid date, or undefined; a present but invalid one is reported.
 * The caller reads the field by name (`row.bookedAt`): a load by a computed key is several times
 * slower, and this runs six times for every row.
 */
function dateField(value: unknown, field: keyof HandoffSummary, issues: Issue[]): Date | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  issues.push({
    code: "invalid_date",
    path: [field],
    message: `${field} is not a valid date; it is left out of the metrics that need it`,
  });
  return undefined;
}

/** Appends `to - from` to the list, unless it is negative (then says so by returning false). */
function pushSpan(list: NumberList, from: Date, to: Date): boolean {
  const span = to.getTime() - from.getTime();
  if (span < 0) return false;
  pushNumber(list, span);
  return true;
}

/**
 * Counts the current meeting by outcome, overall and by handoff style. A meeting that starts at or
 * after `now` is upcoming; one before it with no outcome is past and unrecorded.
 */
function countMeeting(tally: Tally, row: HandoffSummary, meetingStart: Date | undefined, now: number): void {
  const outcome = outcomeOf(row.meetingStatus, meetingStart, now);
  // Outcome.None is -1: a count at index -1 is a property no metric, merge or snapshot check reads.
  // Stryker disable next-line ConditionalExpression: equivalent: see above
  if (outcome === Outcome.None) return;
  addAt(tally.meetings, outcome, 1);
  if (row.style === "warm") addAt(tally.meetingsWarm, outcome, 1);
  else if (row.style === "cold") addAt(tally.meetingsCold, outcome, 1);
}

function outcomeOf(meeting: HandoffSummary["meetingStatus"], start: Date | undefined, now: number): number {
  switch (meeting) {
    case "held":
      return Outcome.Held;
    case "no_show":
      return Outcome.NoShow;
    case "cancelled":
      return Outcome.Cancelled;
    case "scheduled":
    case "rescheduled":
      return start !== undefined && start.getTime() < now ? Outcome.PastUnrecorded : Outcome.Upcoming;
    // Stryker disable next-line ConditionalExpression: equivalent: the default answers None too
    case "none":
      return Outcome.None;
    default:
      // A row from untyped code may carry anything here; the identity checks have refused it already.
      return Outcome.None;
  }
}

function countDecision(
  tally: Tally,
  row: HandoffSummary,
  acceptedAmount: number | undefined,
  wonAmount: number | undefined,
): void {
  const source = SOURCE_INDEX[row.source];
  if (row.decision === "accepted") {
    tally.accepted += 1;
    addAt(tally.opportunities, source, 1);
    if (acceptedAmount !== undefined) addAt(tally.pipeline, source, acceptedAmount);
  } else if (row.decision === "rejected") {
    tally.rejected += 1;
    countReason(tally, isId(row.reason) ? row.reason : "unspecified", row.sdrId, row.segment);
  }
  const recycledEver = row.status === "recycled" || row.cycles > 1;
  if (recycledEver || row.decision === "rejected") tally.rejectedEver += 1;
  if (recycledEver) tally.recycledEver += 1;
  if (row.cycles > 1) tally.rebooked += 1;
  if (row.outcome === "won") {
    addAt(tally.won, source, 1);
    if (wonAmount !== undefined) {
      addAt(tally.deals, source, 1);
      addAt(tally.dealSum, source, wonAmount);
      addAt(tally.dealSumOfSquares, source, wonAmount * wonAmount);
    }
  } else if (row.outcome === "lost") addAt(tally.lost, source, 1);
}

function addAt(values: number[], index: number, by: number): void {
  values[index] = (values[index] ?? 0) + by;
}

function countQuality(tally: Tally, row: HandoffSummary, issues: Issue[]): void {
  const quality = row.quality;
  if (quality === undefined) return;
  if (!Number.isInteger(quality) || quality < 1 || quality > 5) {
    issues.push({ code: "invalid_field", path: ["quality"], message: "quality must be a whole score from 1 to 5" });
    return;
  }
  tally.qualityCount += 1;
  tally.qualitySum += quality;
  tally.qualitySumOfSquares += quality * quality;
  addAt(tally.qualityScores, quality - 1, 1);
}

function countFollowUp(
  tally: Tally,
  row: HandoffSummary,
  bookedAt: Date,
  followUpAt: Date,
  settings: Settings,
  issues: Issue[],
): void {
  if (!pushSpan(tally.followUpCalendar, bookedAt, followUpAt)) {
    issues.push({
      code: "negative_duration",
      path: ["firstFollowUpAt"],
      message: "The first follow-up is before the booking; it is left out of the follow-up time",
    });
    return;
  }
  if (settings.calendars === undefined) return;
  const key = calendarKey(row.aeCalendarId, row.aeId);
  const calendar = ownValue(settings.calendars, key);
  if (calendar === undefined)
    issues.push({
      code: "missing_calendar",
      path: ["aeCalendarId"],
      message: `No calendar "${key}" for the AE; business-time follow-up leaves the handoff out`,
    });
  else pushNumber(tally.followUpBusiness, businessTimeBetween(bookedAt, followUpAt, calendar));
}

/**
 * The largest amount counted: 2^53 - 1, the largest integer a double holds exactly. Under it, sums
 * and sums of squares of any realistic number of deals stay finite (a billion deals at the cap sum
 * their squares to about 1e41), so no metric can become Infinity or NaN; an amount above it is a
 * data issue, not an overflow.
 */
const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/** An amount in the board's currency, or undefined; a bad amount or another currency is reported. */
function moneyOf(
  amount: unknown,
  currency: unknown,
  which: "accepted" | "won",
  settings: Settings,
  issues: Issue[],
): number | undefined {
  if (amount === undefined) return undefined;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) {
    issues.push({
      code: "invalid_field",
      path: [`${which}Amount`],
      message:
        `${which}Amount must be a number from 0 to 2^53 - 1; ` +
        `it is left out of ${which === "won" ? "deal size" : "pipeline"}`,
    });
    return undefined;
  }
  if ((currency ?? settings.currency) !== settings.currency) {
    issues.push({
      code: "other_currency",
      path: [`${which}Currency`],
      message:
        `The ${which} amount is in ${describeValue(currency)}, not ${settings.currency}; ` +
        `it is left out of ${which === "won" ? "deal size" : "pipeline"}`,
    });
    return undefined;
  }
  return amount;
}

/**
 * Each policy's cycles over the events the lifecycle applied (duplicates by id and events after
 * `now` left out; a history with refused events never gets here), on the calendars of the reps
 * the events say own the handoff now.
 */
function slaInto(tally: Tally, handoff: Handoff, row: HandoffSummary, settings: Settings, issues: Issue[]): void {
  const reads = policyCycles(
    handoff,
    row,
    settings.policies,
    settings.calendars ?? {},
    settings.now,
    settings.lifecycle,
    OUTCOMES,
  );
  reads.forEach((read, i) => {
    const counts = tally.sla[i];
    if (counts === undefined) return;
    if (!("cycles" in read)) {
      const needs = read.missingCalendar;
      counts.notEvaluated += 1;
      const path = [needs === "ae" || needs === "sdr" ? `${needs}CalendarId` : needs];
      issues.push({
        code: "missing_calendar",
        path,
        message: `No "${needs}" calendar for ${read.policy.id}; the handoff is left out of its compliance`,
      });
      return;
    }
    for (const cycle of read.cycles) {
      if (cycle.state === "met") counts.met += 1;
      else if (cycle.state === "breached") counts.breached += 1;
      else if (cycle.state === "cancelled") counts.cancelled += 1;
      else counts.running += 1;
    }
  });
}

/**
 * Combines two accumulators into a new one holding both (neither input changes): merging is
 * associative and commutative, and finishing a merge of chunks gives the same scoreboard as one pass
 * over everything. Both must come from the same options; otherwise it throws `invalid_argument`.
 *
 * @example
 * ```ts
 * import { accumulate, createAccumulator, finish, merge, type ScoreboardOptions } from "handoff-kit/metrics";
 * import type { HandoffSummary } from "handoff-kit/handoff";
 * declare const january: readonly HandoffSummary[];
 * declare const february: readonly HandoffSummary[];
 * const options: ScoreboardOptions = { now: new Date("2026-03-01T00:00:00Z"), groupBy: "segment" };
 * const part = (rows: readonly HandoffSummary[], offset: number) =>
 *   rows.reduce((acc, row, i) => accumulate(acc, row, { index: offset + i }), createAccumulator(options));
 * const board = finish(merge(part(january, 0), part(february, january.length)));
 * ```
 * @category Accumulators
 */
export function merge(a: ScoreboardAccumulator, b: ScoreboardAccumulator): ScoreboardAccumulator {
  const left = stateOfAccumulator(a, "merge");
  const right = stateOfAccumulator(b, "merge");
  if (left.settings.signature !== right.settings.signature)
    throw new HandoffKitError("invalid_argument", {
      detail: "merge needs two accumulators created with the same options",
    });
  const policies = left.settings.policies.length;
  const groups = new Map<string, Group>();
  for (const source of [left.groups, right.groups]) {
    for (const [key, group] of source) {
      const into = groups.get(key);
      groups.set(key, {
        keys: group.keys,
        tally: mergeTallies(into === undefined ? [group.tally] : [into.tally, group.tally], policies),
      });
    }
  }
  // finish sorts the issues by index itself, stably; an always-positive comparator leaves V8's sort as it was.
  // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent: see above
  const issues = [...left.issues, ...right.issues].sort((x, y) => x.index - y.index);
  return newState(left.seen + right.seen, left.settings, groups, issues, left.excluded + right.excluded);
}

/**
 * An accumulator's contents as plain, structured-clone-safe data (maps, sets, typed arrays): what a
 * worker thread posts back, or a distributed engine keeps as its aggregate state. Rebuild it with
 * {@link restoreAccumulator}.
 *
 * @example
 * ```ts
 * import type { AccumulatorSnapshot } from "handoff-kit/metrics";
 * const handoffsIn = (snapshot: AccumulatorSnapshot): number => snapshot.seen;
 * ```
 * @category Accumulators
 */
export interface AccumulatorSnapshot {
  readonly kind: "scoreboard-accumulator-snapshot";
  readonly seen: number;
  /** The options it was made with, as a signature: restoring with other options is refused. */
  readonly signature: string;
  /** Private contents. */
  readonly data: unknown;
}

interface SnapshotData {
  readonly groups: Map<string, Group>;
  readonly issues: DataIssue[];
  readonly excluded: number;
}

/**
 * Takes a snapshot of an accumulator for `postMessage` or storage that keeps a structured clone
 * (IndexedDB, `v8.serialize`); not JSON, which turns its Maps into empty objects. The options hold
 * functions, so they stay behind: pass the same options to {@link restoreAccumulator}.
 *
 * @example
 * ```ts
 * import { accumulate, createAccumulator, snapshotAccumulator } from "handoff-kit/metrics";
 * import { parentPort } from "node:worker_threads";
 * import type { HandoffSummary } from "handoff-kit/handoff";
 * declare const chunk: readonly HandoffSummary[];
 * declare const offset: number;
 * const acc = createAccumulator({ now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" });
 * chunk.forEach((row, i) => accumulate(acc, row, { index: offset + i }));
 * parentPort?.postMessage(snapshotAccumulator(acc));
 * ```
 * @category Accumulators
 */
export function snapshotAccumulator(acc: ScoreboardAccumulator): AccumulatorSnapshot {
  const state = stateOfAccumulator(acc, "snapshotAccumulator");
  const data: SnapshotData = { groups: state.groups, issues: state.issues, excluded: state.excluded };
  return { kind: "scoreboard-accumulator-snapshot", seen: state.seen, signature: state.settings.signature, data };
}

/** A count of records: a whole number, none below zero. */
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/**
 * Rebuilds an accumulator from a snapshot (typically one that crossed a thread or a process) and the
 * options it was made with; other options, or something that is not a snapshot, throw
 * `invalid_argument`. The result shares nothing with the snapshot, and merges like any other.
 *
 * @example
 * ```ts
 * import {
 *   createAccumulator,
 *   finish,
 *   merge,
 *   restoreAccumulator,
 *   type AccumulatorSnapshot,
 *   type ScoreboardOptions,
 * } from "handoff-kit/metrics";
 * declare const fromWorkers: readonly AccumulatorSnapshot[];
 * const options: ScoreboardOptions = { now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" };
 * const board = finish(
 *   fromWorkers.map((snapshot) => restoreAccumulator(snapshot, options)).reduce(merge, createAccumulator(options)),
 * );
 * ```
 * @category Accumulators
 */
export function restoreAccumulator(snapshot: AccumulatorSnapshot, options: ScoreboardOptions): ScoreboardAccumulator {
  const settings = resolve(options, "restoreAccumulator");
  const candidate: unknown = snapshot;
  if (
    !isRecord(candidate) ||
    !("data" in candidate) ||
    !("signature" in candidate) ||
    !("kind" in candidate) ||
    candidate.kind !== "scoreboard-accumulator-snapshot"
  ) {
    throw new HandoffKitError("invalid_argument", { detail: "restoreAccumulator: not an accumulator snapshot" });
  }
  if (snapshot.signature !== settings.signature)
    throw new HandoffKitError("invalid_argument", {
      detail: "restoreAccumulator: the snapshot was made with other options",
    });
  const { groups, issues, excluded } = (isRecord(snapshot.data) ? snapshot.data : {}) as Partial<
    Record<keyof SnapshotData, unknown>
  >;
  if (!(groups instanceof Map) || !Array.isArray(issues) || !isCount(excluded) || !isCount(snapshot.seen)) {
    throw new HandoffKitError("invalid_argument", {
      detail:
        "restoreAccumulator: not an accumulator snapshot, or one that lost its Maps on the way " +
        "(JSON does; postMessage and structured clone do not)",
    });
  }
  for (const [key, group] of groups) {
    const problem = snapshotGroupProblem(group, settings.policies.length);
    if (problem !== undefined)
      throw new HandoffKitError("invalid_argument", {
        detail: `restoreAccumulator: the snapshot's groups.get(${JSON.stringify(describeValue(key))})${problem}`,
      });
  }
  const data = snapshot.data as SnapshotData;
  const empty = newState(snapshot.seen, settings, data.groups, data.issues, data.excluded);
  const nothing = newState(0, settings, new Map(), [], 0);
  // A merge with nothing copies every tally, so the restored accumulator owns its contents. The
  // tallies are data from storage, read here for the first time: one that is not what
  // snapshotAccumulator wrote is the caller's snapshot at fault, whatever in the merge it breaks.
  try {
    return merge(empty, nothing);
  } catch (error) {
    // merge refuses only a foreign accumulator, counts that are not whole, other options: none gets here.
    // Stryker disable next-line ConditionalExpression: equivalent: see above
    if (error instanceof HandoffKitError) throw error;
    throw new HandoffKitError("invalid_argument", {
      detail:
        `restoreAccumulator: the snapshot's tallies are not what snapshotAccumulator wrote ` +
        `(${error instanceof Error ? error.message : describeValue(error)})`,
    });
  }
}
