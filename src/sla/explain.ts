import { requireObject } from "../core/guards.js";
import { match } from "ts-pattern";
import { countOf, formatDuration, formatInstant, formatPercent } from "../core/format.js";
import { assertTimeZone } from "../core/time-zone.js";
import type { SkippedDay, SlaCycle, SlaEvaluation } from "./evaluate.js";
import type { SlaTarget } from "./policy.js";
import { requireEvaluation } from "./require-evaluation.js";

/**
 * How `explainSla` shows instants.
 *
 * @example
 * ```ts
 * import type { ExplainSlaOptions } from "handoff-kit/sla";
 * const forTheSdr: ExplainSlaOptions = { timeZone: "America/Chicago" };
 * ```
 * @category SLA clocks
 */
export interface ExplainSlaOptions {
  /** The reader's zone; defaults to each cycle's calendar zone, or UTC for calendar-time targets. */
  readonly timeZone?: string;
}

function describeTarget(target: SlaTarget): string {
  return (
    match(target)
      .with(
        { kind: "business_time" },
        ({ ms, calendar }) => `${formatDuration(ms)} of business time on the "${calendar}" calendar`,
      )
      .with(
        { kind: "business_days" },
        ({ days, calendar }) => `${countOf(days, "business day")} on the "${calendar}" calendar`,
      )
      .with({ kind: "same_business_day" }, ({ calendar }) => `the same business day on the "${calendar}" calendar`)
      // The last pattern of an exhaustive match, so an empty pattern matches the same targets.
      // Stryker disable next-line ObjectLiteral: equivalent: see above
      .with({ kind: "calendar_time" }, ({ ms }) => `${formatDuration(ms)} around the clock`)
      .exhaustive()
  );
}

function explainCycle(cycle: SlaCycle, zone: string): string[] {
  const at = (date: Date): string => formatInstant(date, zone);
  const { trace } = cycle;
  const lines = [`cycle ${String(cycle.index + 1)}: started ${at(cycle.startedAt)} (${zone})`];
  lines.push(`  target: ${describeTarget(trace.target)}, reached ${at(trace.baseDeadline)}`);
  if (trace.counted.length > 0) {
    const total = trace.counted.reduce((sum, span) => sum + span.end.getTime() - span.start.getTime(), 0);
    const shown = trace.counted.slice(0, 4).map((span) => `${at(span.start)}-${at(span.end).slice(11)}`);
    lines.push(
      `  counted: ${shown.join(", ")}${trace.counted.length > 4 || trace.truncated ? ", ..." : ""} ` +
        `(${formatDuration(total)} open)`,
    );
  }
  if (trace.skipped.length > 0) {
    lines.push("  skipped: " + trace.skipped.map((day) => `${day.date} ${skippedReason(day)}`).join("; "));
  }
  for (const pause of trace.pauses) {
    lines.push(
      `  paused ${at(pause.from)} to ${pause.to === undefined ? "now" : at(pause.to)}: ` +
        `deadline +${formatDuration(pause.added)}`,
    );
  }
  if (trace.cap !== undefined) {
    lines.push(
      `  capped ${trace.cap.label} at ${at(trace.cap.at)}` +
        (trace.cap.applied ? " (earlier than the target: applied)" : " (later than the target: no effect)"),
    );
  }
  lines.push(`  deadline: ${at(cycle.deadline)}`);
  lines.push(
    `  ${match(cycle.state)
      .with(
        "met",
        () =>
          `met: stopped ${at(cycle.stoppedAt ?? cycle.deadline)}, ${formatDuration(cycle.remaining.calendar)} to spare`,
      )
      .with(
        "breached",
        () =>
          `breached at ${at(cycle.deadline)}` +
          (cycle.stoppedAt === undefined
            ? ", still open"
            : `; stopped ${at(cycle.stoppedAt)}, ` +
              `${formatDuration(cycle.stoppedAt.getTime() - cycle.deadline.getTime())} late`),
      )
      .with("cancelled", () => `cancelled ${at(cycle.cancelledAt ?? cycle.startedAt)}: no longer owed`)
      .with("paused", () => `paused, ${formatDuration(cycle.remaining.business)} of the target left`)
      .with(
        "running",
        () =>
          `running: ${formatDuration(cycle.remaining.business)} left, ` +
          `${formatPercent(cycle.fractionUsed, 0)} used`,
      )
      .exhaustive()}`,
  );
  const reached = cycle.thresholds.filter((threshold) => threshold.reached);
  if (reached.length > 0)
    lines.push(
      "  warnings: " +
        reached.map((threshold) => `${formatPercent(threshold.fraction, 0)} at ${at(threshold.at)}`).join(", "),
    );
  return lines;
}

/**
 * Explains an SLA evaluation in plain text: for each cycle, the target, the open intervals counted,
 * the days skipped and why, pauses, the cap, the deadline and the outcome, then any issues found in
 * the events. Instants are shown as `YYYY-MM-DD HH:mm` in the reader's zone.
 *
 * @example
 * ```ts
 * import { AE_FOLLOWS_UP_WITHIN_48_HOURS, evaluateSla, explainSla } from "handoff-kit/sla";
 *
 * const events = [
 *   { type: "booked", at: Date.UTC(2026, 10, 23, 15) },
 *   { type: "first_follow_up", at: Date.UTC(2026, 10, 26, 9) },
 * ];
 * console.log(
 *   explainSla(evaluateSla(events, AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: Date.UTC(2026, 10, 27) }), {
 *     timeZone: "America/New_York",
 *   }),
 * );
 * ```
 * @category SLA clocks
 */
export function explainSla(evaluation: SlaEvaluation, options: ExplainSlaOptions = {}): string {
  requireEvaluation(evaluation, "explainSla");
  requireObject(options, "explainSla", "options");
  if (options.timeZone !== undefined) assertTimeZone(options.timeZone, "explainSla: options.timeZone");
  const lines = [`${evaluation.label} [${evaluation.policyId}]: ${evaluation.state}`];
  if (evaluation.cycles.length === 0) lines.push("  no start event yet");
  for (const cycle of evaluation.cycles)
    lines.push(...explainCycle(cycle, options.timeZone ?? cycle.trace.timeZone ?? "UTC"));
  for (const issue of evaluation.issues) {
    const [index, ...field] = issue.path;
    // evaluateSla's issue paths hold at most one field after the index, so the separator is never written.
    // Stryker disable next-line StringLiteral: equivalent: see above
    lines.push(
      // Stryker disable next-line StringLiteral: equivalent: as above
      `  issue at events[${String(index)}]${field.map((key) => `.${String(key)}`).join("")}: ` +
        `${issue.code}: ${issue.message}`,
    );
  }
  return lines.join("\n");
}

/** Why a day was skipped: a holiday (named when it has a name) or a closed day. */
function skippedReason(day: SkippedDay): string {
  if (day.kind !== "holiday") return "closed";
  return day.name === undefined ? "holiday" : `holiday (${day.name})`;
}
