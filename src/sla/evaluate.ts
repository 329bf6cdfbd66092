import { isoDateOfDay } from "../core/days.js";
import { HandoffKitError } from "../core/error.js";
import { describeValue } from "../core/describe-value.js";
import { isRecord, ownValue, requireObject } from "../core/guards.js";
import { inDateRange, toEpochMs, type InstantInput } from "../core/instant.js";
import type { Issue } from "../core/issue.js";
import { addBusinessDays, addBusinessTime, businessTimeBetween, nextOpen, type OpenInterval } from "./business-time.js";
import {
  creditedSpans,
  holidayIndex,
  holidayOn,
  localDayOf,
  openSpansFrom,
  resolvedSpans,
  subtract,
  windowsOf,
} from "./owner-days.js";
import { compiled, type Calendar } from "./calendar.js";
import { requireSlaPolicy, type SlaEvent, type SlaPolicy, type SlaTarget } from "./policy.js";

/**
 * Where an SLA clock stands. `cancelled` is a clock ended by a cancel event: the response stopped
 * being owed, so it counts neither as met nor as breached.
 *
 * @example
 * ```ts
 * import type { SlaState } from "handoff-kit/sla";
 * const late: SlaState = "breached";
 * ```
 * @category SLA clocks
 */
export type SlaState = "not_started" | "running" | "paused" | "met" | "breached" | "cancelled";

/**
 * A stretch of time the clock was paused, and the business time it added to the deadline.
 *
 * @example
 * ```ts
 * import type { SlaPause } from "handoff-kit/sla";
 * const lunch: SlaPause = {
 *   from: new Date("2026-11-23T17:00:00Z"),
 *   to: new Date("2026-11-23T18:00:00Z"),
 *   added: 3_600_000,
 * };
 * ```
 * @category SLA clocks
 */
export interface SlaPause {
  readonly from: Date;
  /** When it resumed; absent while still paused (the deadline is then projected as if it resumed now). */
  readonly to?: Date;
  /** Business time (or real time, for calendar-time targets) the pause added to the deadline. */
  readonly added: number;
}

/**
 * A local date the clock skipped because the calendar was closed all day.
 *
 * @example
 * ```ts
 * import type { SkippedDay } from "handoff-kit/sla";
 * const thanksgiving: SkippedDay = { date: "2026-11-26", kind: "holiday", name: "Thanksgiving" };
 * ```
 * @category SLA clocks
 */
export interface SkippedDay {
  readonly date: string;
  readonly kind: "holiday" | "closed";
  readonly name?: string;
}

/**
 * Everything that went into a deadline, as data a UI can render (and `explainSla` prints).
 *
 * @example
 * ```ts
 * import type { SlaTrace } from "handoff-kit/sla";
 * const holidaysSkipped = (trace: SlaTrace): string[] =>
 *   trace.skipped.filter((day) => day.kind === "holiday").map((day) => day.date);
 * ```
 * @category SLA clocks
 */
export interface SlaTrace {
  readonly target: SlaTarget;
  /** The calendar's zone, for business targets. */
  readonly timeZone?: string;
  readonly startedAt: Date;
  /** The target counted from the start, before pauses and the cap. */
  readonly baseDeadline: Date;
  /**
   * The open intervals the clock counts between the start and the deadline, pauses left out (at
   * most 60; `truncated` says if more).
   */
  readonly counted: readonly OpenInterval[];
  readonly truncated: boolean;
  /** Local dates in between with no open time at all (at most 60 listed). */
  readonly skipped: readonly SkippedDay[];
  readonly pauses: readonly SlaPause[];
  readonly cap?: { readonly label: string; readonly at: Date; readonly applied: boolean };
  readonly deadline: Date;
}

/**
 * One cycle of an SLA clock: from a start event to a stop or cancel event (or to now).
 *
 * @example
 * ```ts
 * import type { SlaCycle } from "handoff-kit/sla";
 * const minutesLate = (cycle: SlaCycle): number =>
 *   cycle.breachedAt === undefined
 *     ? 0
 *     : ((cycle.stoppedAt ?? new Date(0)).getTime() - cycle.breachedAt.getTime()) / 60_000;
 * ```
 * @category SLA clocks
 */
export interface SlaCycle {
  readonly index: number;
  readonly state: Exclude<SlaState, "not_started">;
  readonly startedAt: Date;
  readonly deadline: Date;
  readonly stoppedAt?: Date;
  readonly cancelledAt?: Date;
  /** The deadline, when the clock ran past it. */
  readonly breachedAt?: Date;
  /** Time counted so far (to the stop, or to now), pauses excluded: business time on the calendar, and real time. */
  readonly elapsed: { readonly business: number; readonly calendar: number };
  /** What was left at the stop (or is left now); zero once past the deadline. */
  readonly remaining: { readonly business: number; readonly calendar: number };
  /** Elapsed business time over the business time the deadline allows. */
  readonly fractionUsed: number;
  readonly thresholds: readonly { readonly fraction: number; readonly at: Date; readonly reached: boolean }[];
  readonly trace: SlaTrace;
}

/**
 * An SLA policy evaluated over events at an instant: every cycle, the state of the latest, and the
 * issues found in the events (each by index; the bad events are left out).
 *
 * @example
 * ```ts
 * import type { SlaEvaluation } from "handoff-kit/sla";
 * const isLate = (evaluation: SlaEvaluation): boolean => evaluation.state === "breached";
 * ```
 * @category SLA clocks
 */
export interface SlaEvaluation {
  readonly policyId: string;
  readonly label: string;
  readonly owner: string | undefined;
  readonly state: SlaState;
  readonly cycles: readonly SlaCycle[];
  readonly current: SlaCycle | undefined;
  readonly issues: readonly Issue[];
}

/**
 * The options of {@link evaluateSla}: `now`, the instant the clocks are read at, and the calendars.
 *
 * @example
 * ```ts
 * import { defineCalendar, type EvaluateSlaOptions } from "handoff-kit/sla";
 * const options: EvaluateSlaOptions = {
 *   now: new Date("2026-11-24T20:00:00Z"),
 *   calendars: { ae: defineCalendar({ timeZone: "Europe/London", week: { mon: [["09:00", "17:00"]] } }) },
 * };
 * ```
 * @category SLA clocks
 */
export interface EvaluateSlaOptions {
  /** The instant the clocks are read at: a cycle still running is measured up to it. */
  readonly now: InstantInput;
  /** The calendars business targets name (`"ae"`, `"sdr"`, ...). */
  readonly calendars?: Readonly<Record<string, Calendar>>;
  /** The known event types; when given, an event of another type is reported as `unknown_event_type`. */
  readonly eventTypes?: readonly string[];
}

interface OpenCycle<E> {
  startedAt: number;
  events: E[];
  /** Each event's index in the evaluated list, for the issues. */
  indices: number[];
  pauses: { from: number; to: number | undefined }[];
  stoppedAt: number | undefined;
  cancelledAt: number | undefined;
}

/**
 * Evaluates an SLA policy over a history of events at `now`: each cycle's state, start, deadline,
 * stop or breach, elapsed and remaining time (business and calendar), the fraction of the target
 * used, the warning thresholds reached and when, and a trace that explains the deadline. A cycle is
 * breached when `now` (or its stop) is past the deadline; business time standing still overnight
 * never hides a breach. Events that are malformed, out of order, of an unknown type or after `now`
 * are reported as issues and left out; nothing throws on data.
 *
 * @example
 * ```ts
 * import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, defineCalendar, evaluateSla } from "handoff-kit/sla";
 *
 * const office: [string, string][] = [["09:00", "17:00"]];
 * const ae = defineCalendar({
 *   timeZone: "America/New_York",
 *   week: { mon: office, tue: office, wed: office, thu: office, fri: office },
 * });
 * const events = [
 *   { type: "booked", at: new Date("2026-11-23T15:05:00Z"), meeting: { start: new Date("2026-11-25T19:00:00Z") } },
 *   { type: "accepted", at: new Date("2026-11-24T13:30:00Z") },
 * ];
 * const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
 *   now: new Date("2026-11-24T20:00:00Z"),
 *   calendars: { ae },
 * });
 * evaluation.state; // "met": accepted Tuesday 08:30, deadline Tuesday 10:05 New York
 * ```
 * @category SLA clocks
 */
export function evaluateSla<E extends SlaEvent>(
  events: readonly NoInfer<E>[],
  policy: SlaPolicy<E>,
  options: EvaluateSlaOptions,
): SlaEvaluation {
  requireObject(options, "evaluateSla", "options");
  const { now, calendars, eventTypes } = options as { now?: unknown; calendars?: unknown; eventTypes?: unknown };
  if (calendars !== undefined && !isRecord(calendars))
    throw new HandoffKitError("invalid_argument", {
      detail: `evaluateSla: options.calendars must be an object of calendars by name: ${describeValue(calendars)}`,
    });
  if (eventTypes !== undefined && !Array.isArray(eventTypes))
    throw new HandoffKitError("invalid_argument", {
      detail: `evaluateSla: options.eventTypes must be an array of event types: ${describeValue(eventTypes)}`,
    });
  const nowMs = toEpochMs(now as InstantInput, "evaluateSla: options.now");
  requireSlaPolicy(policy, "evaluateSla", "the policy");
  return evaluateCheckedSla(events, policy, { ...options, nowMs });
}

/**
 * {@link evaluateSla} after its checks of the policy, `now` and the options, for callers that make
 * them once for many evaluations: the scoreboard and the huddle check their policies when they
 * start, and the policy's shape check would otherwise run again for every handoff and policy.
 */
export function evaluateCheckedSla<E extends SlaEvent>(
  events: readonly NoInfer<E>[],
  policy: SlaPolicy<E>,
  options: Omit<EvaluateSlaOptions, "now"> & { readonly nowMs: number },
): SlaEvaluation {
  const { nowMs } = options;
  const issues: Issue[] = [];
  const { calendar, cycles } = openCycles(events, policy, options, issues);
  const evaluated: SlaCycle[] = [];
  for (const cycle of cycles) {
    const result = deadlineIssue(() => evaluateCycle(policy, cycle, evaluated.length, nowMs, calendar, issues));
    if (result instanceof HandoffKitError) noDeadline(cycle, result, issues);
    else evaluated.push(result);
  }
  const latest = evaluated.at(-1);
  return {
    policyId: policy.id,
    label: policy.label,
    owner: policy.owner,
    state: latest?.state ?? "not_started",
    cycles: evaluated,
    current: latest,
    issues,
  };
}

/**
 * What one cycle came to, without its elapsed and remaining time, thresholds or trace: enough to
 * count it or to list its breach. Instants in epoch ms.
 */
export interface SlaOutcome {
  readonly state: SlaCycle["state"];
  readonly startedAt: number;
  readonly deadline: number;
  readonly stoppedAt: number | undefined;
  readonly cancelledAt: number | undefined;
}

/**
 * Each cycle's outcome, as {@link evaluateCheckedSla} would state it: the same cycles, deadlines and
 * states, computed without the measurements and the trace no counting reads (each a business-time
 * walk of its own), for the scoreboard's and the huddle's many handoffs.
 */
export function slaOutcomes<E extends SlaEvent>(
  events: readonly NoInfer<E>[],
  policy: SlaPolicy<E>,
  options: Omit<EvaluateSlaOptions, "now"> & { readonly nowMs: number },
): SlaOutcome[] {
  const { nowMs } = options;
  const issues: Issue[] = [];
  const { calendar, cycles } = openCycles(events, policy, options, issues);
  const outcomes: SlaOutcome[] = [];
  for (const cycle of cycles) {
    const result = deadlineIssue(() => cycleDeadline(policy, cycle, nowMs, calendar, issues));
    if (result instanceof HandoffKitError) continue;
    outcomes.push({
      state: cycleState(result.end > result.deadline, cycle),
      startedAt: cycle.startedAt,
      deadline: result.deadline,
      stoppedAt: cycle.stoppedAt,
      cancelledAt: cycle.cancelledAt,
    });
  }
  return outcomes;
}

/** The issue of a cycle whose deadline does not exist: it is left out. */
function noDeadline(cycle: OpenCycle<unknown>, error: HandoffKitError, issues: Issue[]): void {
  issues.push({
    code: "no_deadline",
    path: [cycle.indices[0] ?? 0],
    message: `The clock started here has no deadline: ${error.message}; the cycle is left out`,
  });
}

/**
 * The events cut into cycles (each from a start to its stop or cancel, with its pauses), and the
 * calendar the policy's target names; events that cannot be read are issues and left out.
 */
function openCycles<E extends SlaEvent>(
  events: readonly E[],
  policy: SlaPolicy<E>,
  options: Omit<EvaluateSlaOptions, "now"> & { readonly nowMs: number },
  issues: Issue[],
): { calendar: Calendar | undefined; cycles: OpenCycle<E>[] } {
  const { nowMs } = options;
  assertEventInstants(events);
  const calendar = calendarFor(policy.target, options);
  const known = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
  const cycles: OpenCycle<E>[] = [];
  let current: OpenCycle<E> | undefined;
  let last = Number.NEGATIVE_INFINITY;

  events.forEach((event, index) => {
    const at = readEvent(event, index, issues);
    if (at === undefined) return;
    if (known !== undefined && !known.has(event.type))
      return void issues.push({
        code: "unknown_event_type",
        path: [index, "type"],
        message: `Unknown event type "${event.type}"`,
      });
    if (at < last)
      return void issues.push({
        code: "out_of_order",
        path: [index, "at"],
        message: "The event is earlier than the one before it",
      });
    if (at > nowMs)
      return void issues.push({
        code: "after_now",
        path: [index, "at"],
        message: "The event is after the evaluation time",
      });
    last = at;
    const ended = current === undefined || current.stoppedAt !== undefined || current.cancelledAt !== undefined;
    if (policy.start.includes(event.type) && ended) {
      current = {
        startedAt: at,
        events: [event],
        indices: [index],
        pauses: [],
        stoppedAt: undefined,
        cancelledAt: undefined,
      };
      cycles.push(current);
      return;
    }
    if (current === undefined || ended) return;
    current.events.push(event);
    current.indices.push(index);
    const openPause = current.pauses.at(-1);
    const paused = openPause !== undefined && openPause.to === undefined;
    if (policy.pause.includes(event.type) && !paused) current.pauses.push({ from: at, to: undefined });
    else if (policy.resume.includes(event.type) && paused) openPause.to = at;
    else if (policy.stop.includes(event.type) || policy.cancel.includes(event.type)) {
      if (paused) openPause.to = at;
      if (policy.stop.includes(event.type)) current.stoppedAt = at;
      else current.cancelledAt = at;
    }
  });

  return { calendar, cycles };
}

/**
 * A cycle, or the error that says its deadline does not exist: the calendar has no open time after
 * the start (an event past its last open minute), or the deadline lies past the end of the Date
 * range. Both come from the event data, so they are issues, not throws; any other error is misuse.
 */
function deadlineIssue<T>(evaluate: () => T): T | HandoffKitError {
  try {
    return evaluate();
  } catch (error) {
    // The policy, calendar and instants are checked before a cycle is evaluated, so no other HandoffKitError
    // reaches here.
    // Stryker disable next-line ConditionalExpression: equivalent where it makes every error an issue: see above
    if (
      // Stryker disable next-line ConditionalExpression: equivalent: as above
      error instanceof HandoffKitError &&
      // Stryker disable next-line ConditionalExpression: equivalent: as above
      (error.code === "calendar_never_open" || error.code === "beyond_date_range")
    )
      return error;
    throw error;
  }
}

function readEvent(event: unknown, index: number, issues: Issue[]): number | undefined {
  if (typeof event !== "object" || event === null) {
    issues.push({
      code: "invalid_event",
      path: [index],
      message: "An event must be an object with a type and an instant",
    });
    return undefined;
  }
  const { type, at } = event as { type?: unknown; at?: unknown };
  if (typeof type !== "string" || type === "") {
    issues.push({
      code: "invalid_event",
      path: [index, "type"],
      message: "An event's type must be a non-empty string",
    });
    return undefined;
  }
  const ms = at instanceof Date ? at.getTime() : at;
  if (typeof ms !== "number" || !inDateRange(ms)) {
    issues.push({
      code: "invalid_event",
      path: [index, "at"],
      message: "An event's instant must be a valid Date or epoch milliseconds within the Date range",
    });
    return undefined;
  }
  return ms;
}

/**
 * Refuses events whose instants are still text (ISO strings from a CRM export or a webhook): the
 * caller skipped parsing, and reading them as malformed data would only yield clocks that never start.
 */
function assertEventInstants(events: unknown): void {
  if (!Array.isArray(events))
    throw new HandoffKitError("invalid_argument", {
      detail: "evaluateSla expects an array of events, each with a type and an instant",
    });
  events.forEach((event: unknown, index) => {
    const at: unknown = isRecord(event) ? (event as { at?: unknown }).at : undefined;
    if (typeof at === "string") {
      throw new HandoffKitError("invalid_argument", {
        detail:
          `evaluateSla expects instants as Date or epoch milliseconds: events[${String(index)}].at is a string; ` +
          `parse the events first (parseHandoff, parseHandoffEvent)`,
      });
    }
  });
}

function calendarFor(target: SlaTarget, options: Omit<EvaluateSlaOptions, "now">): Calendar | undefined {
  if (target.kind === "calendar_time") return undefined;
  const calendar = options.calendars === undefined ? undefined : ownValue(options.calendars, target.calendar);
  if (calendar === undefined)
    throw new HandoffKitError("invalid_config", {
      detail: `evaluateSla: the policy needs a calendar named "${target.calendar}" in options.calendars`,
    });
  return calendar;
}

/** Time arithmetic on the policy's clock: business time on its calendar, or real time. */
interface Clock {
  readonly add: (at: number, ms: number) => number;
  readonly between: (from: number, to: number) => number;
}

function clockFor(calendar: Calendar | undefined): Clock {
  if (calendar === undefined) return { add: (at, ms) => at + ms, between: (from, to) => to - from };
  return {
    add: (at, ms) => addBusinessTime(at, ms, calendar).getTime(),
    between: (from, to) => businessTimeBetween(from, to, calendar),
  };
}

function baseDeadline(target: SlaTarget, calendar: Calendar | undefined, start: number): number {
  // A switch, not a match(): this runs once per cycle of every handoff a scoreboard reads, and the
  // matcher's pattern objects cost as much as a short business-time step. The default makes it exhaustive.
  switch (target.kind) {
    case "calendar_time":
      return start + target.ms;
    case "business_time":
      return addBusinessTime(start, target.ms, calendar as Calendar).getTime();
    case "business_days":
      return addBusinessDays(start, target.days, calendar as Calendar).getTime();
    case "same_business_day":
      return endOfBusinessDay(calendar as Calendar, start);
    default: {
      const unknown: never = target;
      throw new HandoffKitError("invalid_config", { detail: `Unknown SLA target ${describeValue(unknown)}` });
    }
  }
}

/**
 * The close of the business day the clock starts in: the local day that owns the window open at
 * `at` (or the next window to open), where a window belongs to the day it starts on, so a start at
 * 00:12 inside Tuesday's 22:00-06:00 shift is Tuesday's. The deadline is the end of that day's last
 * own window. Windows of the next day that touch it at midnight are one stretch for business time,
 * but not the same business day: on a round-the-clock calendar the day closes at its midnight.
 */
function endOfBusinessDay(calendar: Calendar, at: number): number {
  const cal = compiled(calendar, "evaluateSla");
  const open = nextOpen(at, calendar).getTime();
  const today = localDayOf(cal, open);
  // The owner days partition the open time, so exactly one of the three that can reach `open` holds it.
  let owner = today;
  // Stryker disable next-line EqualityOperator: equivalent: owner starts as today, what the last pass would set.
  for (let day = today - 2; day <= today; day += 1) {
    // The owner days partition the open time and the latest match wins, so a span that starts or ends exactly
    // at `open` never changes the owner.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent: see above
    if (creditedSpans(cal, day).some((span) => span.start <= open && open < span.end)) owner = day;
  }
  return resolvedSpans(cal, owner).at(-1)?.end ?? open;
}

/** Moves a deadline past each pause that began before it, by the time the pause overlapped. */
function applyPauses(
  clock: Clock,
  deadline: number,
  pauses: readonly { from: number; to: number }[],
): { deadline: number; added: number[] } {
  let moved = deadline;
  const added = pauses.map(({ from, to }) => {
    if (from >= moved) return 0;
    const extra = clock.between(from, to);
    moved = clock.add(moved, extra);
    return extra;
  });
  return { deadline: moved, added };
}

const LISTED = 60;

/**
 * A cycle's deadline: the target from its start, moved by its pauses, then capped; with the end the
 * state is judged at (its stop or cancel, else `now`) and the parts the trace shows.
 */
function cycleDeadline<E extends SlaEvent>(
  policy: SlaPolicy<E>,
  cycle: OpenCycle<E>,
  now: number,
  calendar: Calendar | undefined,
  issues: Issue[],
): {
  end: number;
  pauses: { from: number; to: number }[];
  base: number;
  added: number[];
  deadline: number;
  cap: SlaTrace["cap"];
} {
  const end = cycle.stoppedAt ?? cycle.cancelledAt ?? now;
  const pauses = cycle.pauses.map(({ from, to }) => ({ from, to: to ?? end }));
  const base = baseDeadline(policy.target, calendar, cycle.startedAt);
  const paused = pauses.length === 0 ? { deadline: base, added: [] } : applyPauses(clockFor(calendar), base, pauses);
  const { deadline, cap } = capped(policy, cycle, paused.deadline, issues);
  return { end, pauses, base, added: paused.added, deadline, cap };
}

function evaluateCycle<E extends SlaEvent>(
  policy: SlaPolicy<E>,
  cycle: OpenCycle<E>,
  index: number,
  now: number,
  calendar: Calendar | undefined,
  issues: Issue[],
): SlaCycle {
  const clock = clockFor(calendar);
  const { end, pauses, base, added, deadline, cap } = cycleDeadline(policy, cycle, now, calendar, issues);

  // Counted time excludes pauses: business time (or real time) between two instants, less the pauses' share.
  const counted = (from: number, to: number, measure: (a: number, b: number) => number): number =>
    // Stryker disable next-line EqualityOperator: equivalent: a pause that only touches the range measures 0.
    pauses.reduce(
      (total, pause) =>
        total -
        // Stryker disable next-line EqualityOperator: equivalent: as above
        (Math.min(pause.to, to) > Math.max(pause.from, from)
          ? measure(Math.max(pause.from, from), Math.min(pause.to, to))
          : 0),
      measure(from, to),
    );
  const elapsedBusiness = Math.max(0, counted(cycle.startedAt, end, clock.between));
  const elapsedCalendar = Math.max(
    0,
    counted(cycle.startedAt, end, (a, b) => b - a),
  );
  const budget = Math.max(0, counted(cycle.startedAt, deadline, clock.between));

  const state = cycleState(end > deadline, cycle);

  const thresholds = policy.warnings.map((fraction) => {
    const at = Math.min(
      applyPauses(clock, clock.add(cycle.startedAt, Math.round(fraction * budget)), pauses).deadline,
      deadline,
    );
    return { fraction, at: new Date(at), reached: state !== "cancelled" && at <= end };
  });

  return {
    index,
    state,
    startedAt: new Date(cycle.startedAt),
    deadline: new Date(deadline),
    ...(cycle.stoppedAt === undefined ? {} : { stoppedAt: new Date(cycle.stoppedAt) }),
    ...(cycle.cancelledAt === undefined ? {} : { cancelledAt: new Date(cycle.cancelledAt) }),
    ...(state === "breached" ? { breachedAt: new Date(deadline) } : {}),
    elapsed: { business: elapsedBusiness, calendar: elapsedCalendar },
    remaining: { business: Math.max(0, budget - elapsedBusiness), calendar: Math.max(0, deadline - end) },
    fractionUsed: budget > 0 ? elapsedBusiness / budget : Number(state === "breached"),
    thresholds,
    trace: buildTrace(policy.target, calendar, cycle.startedAt, base, deadline, pauses, added, cycle.pauses, cap),
  };
}

/**
 * The deadline after the policy's cap. The cap reads the cycle's events in time order, each only if
 * it happened at or before the deadline in force when it came: once a deadline has passed, a later
 * event (a meeting rescheduled after it) cannot move it, so a cycle breached at one `now` stays
 * breached at every later one.
 */
function capped<E extends SlaEvent>(
  policy: SlaPolicy<E>,
  cycle: OpenCycle<E>,
  uncapped: number,
  issues: Issue[],
): { deadline: number; cap: SlaTrace["cap"] } {
  if (policy.cap === undefined) return { deadline: uncapped, cap: undefined };
  const { events, indices } = cycle;
  let deadline = uncapped;
  let capAt: number | undefined;
  // One prefix grown event by event: a copy per event made a long cycle quadratic in memory traffic.
  const prefix: E[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as E;
    // The label only names an instant readEvent has already checked, so it is never shown.
    // Stryker disable next-line StringLiteral: equivalent: see above
    if (toEpochMs(event.at, `${policy.id} event`) > deadline) break;
    prefix.push(event);
    const at: unknown = policy.cap.at(prefix);
    if (at === undefined) continue;
    const ms = at instanceof Date ? at.getTime() : at;
    if (typeof ms !== "number" || !inDateRange(ms)) {
      // Event data (a meeting start still written as text): say so and leave this event out of the cap.
      issues.push({
        code: "invalid_event",
        path: [indices[i] ?? i],
        message:
          `The ${policy.cap.label} cap is not an instant here (${describeValue(at)}); ` +
          `the event is left out of the cap`,
      });
      continue;
    }
    capAt = ms;
    deadline = Math.min(uncapped, capAt);
  }
  return {
    deadline,
    cap: capAt === undefined ? undefined : { label: policy.cap.label, at: new Date(capAt), applied: capAt < uncapped },
  };
}

function buildTrace(
  target: SlaTarget,
  calendar: Calendar | undefined,
  start: number,
  base: number,
  deadline: number,
  pauses: readonly { from: number; to: number }[],
  added: readonly number[],
  raw: readonly { from: number; to: number | undefined }[],
  cap: SlaTrace["cap"],
): SlaTrace {
  const countedIntervals: OpenInterval[] = [];
  const skipped: SkippedDay[] = [];
  let truncated = false;
  const until = deadline;
  if (calendar !== undefined) {
    const cal = compiled(calendar, "evaluateSla");
    const paused = pauses
      .filter((pause) => pause.to > pause.from)
      .map((pause) => ({ start: pause.from, end: pause.to }));
    for (const span of openSpansFrom(cal, start)) {
      // Stryker disable next-line EqualityOperator: equivalent: a span starting at until counts nothing before it
      if (span.start >= until) break;
      for (const piece of subtract([{ start: span.start, end: Math.min(span.end, until) }], paused)) {
        if (countedIntervals.length === LISTED) truncated = true;
        else countedIntervals.push({ start: new Date(piece.start), end: new Date(piece.end) });
      }
      // Stryker disable next-line ConditionalExpression: performance only: once truncated, nothing more is listed
      if (truncated) break;
    }
    const last = localDayOf(cal, until);
    // With a window every weekday, only holidays close a day: go from one to the next.
    // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator: performance only: the jump below
    const everyWeekdayOpen = cal.weekly.every((windows) => windows.length > 0);
    for (let day = localDayOf(cal, start); day <= last && skipped.length < LISTED; day += 1) {
      const holiday = holidayOn(cal, day);
      // The jump to the next holiday skips days that are open, which the day-by-day walk would skip one at a
      // time.
      // Stryker disable next-line ConditionalExpression,BlockStatement: performance only: see above
      if (holiday === undefined && everyWeekdayOpen) {
        day = (cal.holidays[holidayIndex(cal, day)]?.from ?? Number.POSITIVE_INFINITY) - 1;
        continue;
      }
      if (windowsOf(cal, day).length > 0) continue;
      skipped.push({
        date: isoDateOfDay(day),
        kind: holiday === undefined ? "closed" : "holiday",
        ...(holiday?.name === undefined ? {} : { name: holiday.name }),
      });
    }
  }
  return {
    target,
    ...(calendar === undefined ? {} : { timeZone: calendar.timeZone }),
    startedAt: new Date(start),
    baseDeadline: new Date(base),
    counted: countedIntervals,
    truncated,
    skipped,
    pauses: pauses.map((pause, i) => ({
      from: new Date(pause.from),
      ...(raw[i]?.to === undefined ? {} : { to: new Date(pause.to) }),
      added: added[i] ?? 0,
    })),
    ...(cap === undefined ? {} : { cap }),
    deadline: new Date(deadline),
  };
}

/**
 * A cycle's state: a breach stands whatever came after it (a response owed until the deadline and not
 * given was breached: a cancel after it cannot undo that); then a cancel, a stop, a pause still open.
 */
function cycleState(pastDeadline: boolean, cycle: OpenCycle<unknown>): SlaCycle["state"] {
  if (pastDeadline) return "breached";
  if (cycle.cancelledAt !== undefined) return "cancelled";
  if (cycle.stoppedAt !== undefined) return "met";
  return cycle.pauses.length > 0 && cycle.pauses.at(-1)?.to === undefined ? "paused" : "running";
}
