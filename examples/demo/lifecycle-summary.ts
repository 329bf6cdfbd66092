import {
  DEFAULT_REASON_CODES,
  defineLifecycle,
  openGate,
  replay,
  requiredBriefGate,
  type Handoff,
} from "handoff-kit/handoff";
import { countBy } from "./first-summary.js";
import { renderTable } from "./table.js";

/** The sample team's rules: the AE decides before the meeting (the handoff-checklist article). */
export const TEAM_RULES = defineLifecycle({ gate: "before_meeting" });

/** The demo's lifecycle section: histories replayed under the team's rules, the booking gate, reasons and recycling. */
export function lifecycleSection(handoffs: readonly Handoff[]): string[] {
  const out: string[] = [];
  // The export was recorded without a booking gate: replay with the team's rules but an open gate,
  // then ask what the default gate (the brief's required package) would have said.
  const recorded = defineLifecycle({ gate: TEAM_RULES.gate, bookingGate: openGate });
  const replays = handoffs.map((handoff) => replay(handoff.events, recorded, { handoff }));
  const refused = replays.filter((result) => result.refusal !== undefined);
  out.push(
    `${String(handoffs.length - refused.length)} of ${String(handoffs.length)} histories replay cleanly ` +
      `under the team's rules (gate before the meeting)`,
  );
  for (const result of refused.slice(0, 5))
    out.push(`  stopped at event ${String(result.stoppedAt)}: ${result.refusal?.message ?? ""}`);

  const gateRefusals = handoffs.flatMap((handoff) => {
    const decision = requiredBriefGate(handoff);
    return decision.ok
      ? []
      : decision.findings.map((finding) => (finding.kind === "brief" ? `brief.${finding.field}` : finding.kind));
  });
  const thin = handoffs.filter((handoff) => !requiredBriefGate(handoff).ok).length;
  out.push(
    "",
    `The default booking gate (the brief's required package) would have held back ` +
      `${String(thin)} of ${String(handoffs.length)} bookings; fields missing:`,
  );
  out.push(
    renderTable(
      ["brief field", "handoffs"],
      countBy(gateRefusals, (field) => field).sort((a, b) => b[1] - a[1]),
    ),
  );

  // What the fold applied: each history up to where its replay stopped (all of it when it did not).
  const applied = handoffs.map((handoff, i) => {
    const stop = replays[i]?.stoppedAt;
    return stop === undefined
      ? handoff.events
      : handoff.events.filter(
          (event) => event.at.getTime() < (handoff.events[stop]?.at.getTime() ?? Number.POSITIVE_INFINITY),
        );
  });
  const rejections = applied.flatMap((events) =>
    events.flatMap((event) => (event.type === "rejected" ? [event.reason] : [])),
  );
  const category = (code: string): string =>
    DEFAULT_REASON_CODES.find((reason) => reason.code === code)?.category ?? "other";
  out.push("", "Rejections by reason code and category");
  out.push(
    renderTable(
      ["reason", "category", "rejections"],
      countBy(rejections, (code) => code)
        .sort((a, b) => b[1] - a[1])
        .map(([code, count]) => [code, category(code), count]),
    ),
  );

  const recycled = applied.filter((events) => events.some((event) => event.type === "recycled")).length;
  const rebooked = replays.filter((result) => result.state.cycle >= 2).length;
  out.push("", `Recycled leads: ${String(recycled)}; booked again (a second cycle): ${String(rebooked)}`);
  return out;
}
