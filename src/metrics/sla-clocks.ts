import { compareCodeUnits } from "../core/order.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { requireObject } from "../core/guards.js";
import { type Handoff, LENIENT_LIFECYCLE, type LifecycleRules, summarize } from "../handoff/index.js";
import { requireHandoffs, requireRules } from "../handoff/internal.js";
import type { Calendar, MeetingEvent, SlaPolicy } from "../sla/index.js";
import { requireSlaPolicies } from "../sla/internal.js";
import { DEFAULT_READ_POLICIES, FULL_CYCLES, policyCycles } from "./policy-cycles.js";

/**
 * The options of {@link slaClocks}.
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 * import type { SlaClocksOptions } from "handoff-kit/metrics";
 * const options: SlaClocksOptions = {
 *   now: new Date("2026-11-17T15:00:00Z"),
 *   calendars: { "ae-omar": defineCalendar({ timeZone: "Europe/London", week: { mon: [["09:00", "17:00"]] } }) },
 * };
 * ```
 * @category SLA clocks
 */
export interface SlaClocksOptions {
  /** The instant the clocks are read at; events after it are not known yet. */
  readonly now: InstantInput;
  /**
   * The policies to read (by default the AE's one-business-day decision, from the handoff-checklist
   * article, and the 48-hour follow-up, from the 2027 handoff-process Q&A, as in the huddle).
   */
  readonly policies?: readonly SlaPolicy<MeetingEvent>[];
  /**
   * Business calendars by calendar id or rep id: a policy on the `"ae"` or `"sdr"` calendar reads
   * the one of the rep who owns the handoff at `now`. A policy on a calendar of another name is not
   * read (it is listed in `notEvaluated`), as in the scoreboard and the huddle.
   */
  readonly calendars?: Readonly<Record<string, Calendar>>;
  readonly lifecycle?: LifecycleRules;
}

/**
 * One SLA clock still open at `now`: running (or paused) with time left, or past its deadline with
 * no response yet. `lateBy` is the time since the deadline (0 while it is ahead); `remaining` the
 * time left on the policy's calendar and in real time (0 once past the deadline).
 *
 * @example
 * ```ts
 * import type { SlaClock } from "handoff-kit/metrics";
 * const line = (clock: SlaClock): string =>
 *   clock.state === "breached"
 *     ? `${clock.handoffId}: ${clock.label}, ${(clock.lateBy / 3_600_000).toFixed(1)} h late`
 *     : `${clock.handoffId}: ${clock.label}, due ${clock.deadline.toISOString()}`;
 * ```
 * @category SLA clocks
 */
export interface SlaClock {
  readonly handoffId: string;
  readonly policyId: string;
  readonly label: string;
  /** The policy's owner (`ae`, `sdr`), or `unassigned`. */
  readonly owner: string;
  readonly sdrId: string;
  readonly aeId: string;
  readonly state: "running" | "paused" | "breached";
  readonly startedAt: Date;
  readonly deadline: Date;
  readonly remaining: { readonly business: number; readonly calendar: number };
  readonly lateBy: number;
}

/**
 * What {@link slaClocks} read: the open clocks (past their deadline first, the latest first; then
 * the rest by deadline), the handoffs a policy could not be read for because the calendar it names
 * was not supplied, and the handoffs left out because their lifecycle refused one of their events
 * (as the scoreboard and the huddle leave them out).
 *
 * @example
 * ```ts
 * import type { SlaClocks } from "handoff-kit/metrics";
 * const overdue = (read: SlaClocks): number => read.clocks.filter((clock) => clock.state === "breached").length;
 * ```
 * @category SLA clocks
 */
export interface SlaClocks {
  readonly now: Date;
  readonly clocks: readonly SlaClock[];
  readonly notEvaluated: readonly {
    readonly handoffId: string;
    readonly policyId: string;
    /** The calendar the policy names (`ae`, `sdr`). */
    readonly calendar: string;
  }[];
  readonly leftOut: readonly string[];
}

/**
 * The SLA clocks open at `now` over a set of handoffs: every cycle of every policy that has started
 * and has not stopped or been cancelled, with its deadline and how late it is, for a "who owes a
 * response now" list per AE and SDR. Each handoff is read as it stood at `now`, under the team's
 * lifecycle, on the calendars of the reps who own it then.
 *
 * @example
 * ```ts
 * import { slaClocks } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const { clocks } = slaClocks(handoffs, { now: new Date("2026-11-17T15:00:00Z") });
 * for (const clock of clocks.filter((c) => c.state === "breached")) console.log(clock.aeId, clock.handoffId);
 * ```
 * @category SLA clocks
 */
export function slaClocks(handoffs: readonly Handoff[], options: SlaClocksOptions): SlaClocks {
  requireObject(options, "slaClocks", "options");
  const now = toEpochMs(options.now, "slaClocks: options.now");
  requireHandoffs(handoffs, "slaClocks");
  const lifecycle = options.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(lifecycle, "slaClocks: options.lifecycle");
  const policies = options.policies ?? DEFAULT_READ_POLICIES;
  requireSlaPolicies(policies, "slaClocks", "options.policies");
  const calendars = options.calendars ?? {};
  requireObject(calendars, "slaClocks", "options.calendars");

  const clocks: SlaClock[] = [];
  const notEvaluated: { handoffId: string; policyId: string; calendar: string }[] = [];
  const leftOut: string[] = [];
  for (const handoff of handoffs) {
    const row = summarize(handoff, lifecycle, { now });
    if (row.skippedEvents > 0) {
      leftOut.push(handoff.id);
      continue;
    }
    for (const read of policyCycles(handoff, row, policies, calendars, now, lifecycle, FULL_CYCLES)) {
      if (!("cycles" in read)) {
        notEvaluated.push({ handoffId: handoff.id, policyId: read.policy.id, calendar: read.missingCalendar });
        continue;
      }
      for (const cycle of read.cycles) {
        const { state } = cycle;
        // A breached cycle may have stopped (answered late) or been cancelled after its deadline (the
        // breach stands, the clock is closed): only one with neither is open.
        if (
          cycle.stoppedAt !== undefined ||
          cycle.cancelledAt !== undefined ||
          (state !== "running" && state !== "paused" && state !== "breached")
        )
          continue;
        clocks.push({
          handoffId: handoff.id,
          policyId: read.policy.id,
          label: read.policy.label,
          owner: read.policy.owner ?? "unassigned",
          sdrId: row.sdrId,
          aeId: row.aeId,
          state,
          startedAt: cycle.startedAt,
          deadline: cycle.deadline,
          remaining: cycle.remaining,
          lateBy: Math.max(0, now - cycle.deadline.getTime()),
        });
      }
    }
  }
  clocks.sort(
    // Late ones first needs no term of its own: a late clock's lateBy is above 0 (a clock due at now is
    // still running), a running one's is 0.
    (a, b) =>
      b.lateBy - a.lateBy ||
      a.deadline.getTime() - b.deadline.getTime() ||
      compareCodeUnits(a.handoffId, b.handoffId) ||
      compareCodeUnits(a.policyId, b.policyId),
  );
  return { now: new Date(now), clocks, notEvaluated, leftOut };
}
