import type { SlaClock, SlaClocks } from "handoff-kit/metrics";
import { hoursText } from "../format-time.js";
import type { Style } from "../style.js";

interface Tally {
  late: number;
  running: number;
}

/**
 * The clocks open now: the late ones (no response yet), then those still running, each with its
 * owner; then the count per AE and per SDR who owes the response; then what could not be read.
 */
export function renderSla(
  read: SlaClocks,
  names: ReadonlyMap<string, string>,
  formatAt: (at: Date) => string,
  timeZone: string,
  style: Style,
): string {
  const name = (id: string): string => names.get(id) ?? id;
  const ownerOf = (clock: SlaClock): string => {
    if (clock.owner === "ae") return `AE ${name(clock.aeId)}`;
    if (clock.owner === "sdr") return `SDR ${name(clock.sdrId)}`;
    return `${clock.owner} (AE ${name(clock.aeId)}, SDR ${name(clock.sdrId)})`;
  };
  const out: string[] = [style.bold(`SLA clocks open at ${formatAt(read.now)} (${timeZone})`)];
  const late = read.clocks.filter((clock) => clock.state === "breached");
  const running = read.clocks.filter((clock) => clock.state !== "breached");
  out.push("", style.bold(`Late, no response yet: ${String(late.length)}`));
  for (const clock of late)
    out.push(
      `  ${style.late(hoursText(clock.lateBy))} late  ${clock.handoffId}  ${clock.label}  ` +
        `(due ${formatAt(clock.deadline)}; ${ownerOf(clock)})`,
    );
  out.push("", style.bold(`Running: ${String(running.length)}`));
  for (const clock of running)
    out.push(
      `  ${hoursText(clock.remaining.calendar)} left  ${clock.handoffId}  ${clock.label}  ` +
        `(due ${formatAt(clock.deadline)}; ${ownerOf(clock)}${clock.state === "paused" ? "; paused" : ""})`,
    );
  const byOwner = new Map<string, Tally>();
  for (const clock of read.clocks) {
    const tally = byOwner.get(ownerOf(clock)) ?? { late: 0, running: 0 };
    if (clock.state === "breached") tally.late += 1;
    else tally.running += 1;
    byOwner.set(ownerOf(clock), tally);
  }
  if (byOwner.size > 0) {
    out.push("", style.bold("By who owes the response"));
    const rows = [...byOwner].sort(
      (a, b) => b[1].late - a[1].late || b[1].running - a[1].running || (a[0] < b[0] ? -1 : 1),
    );
    for (const [owner, tally] of rows)
      out.push(`  ${owner}: ${String(tally.late)} late, ${String(tally.running)} running`);
  }
  if (read.notEvaluated.length > 0) {
    const missing = new Map<string, number>();
    for (const entry of read.notEvaluated) {
      const key = `${entry.policyId} (no "${entry.calendar}" calendar)`;
      missing.set(key, (missing.get(key) ?? 0) + 1);
    }
    out.push("", "Not read: --calendars names no calendar for the rep");
    for (const [key, count] of missing) out.push(`  ${key}: ${String(count)} handoffs`);
  }
  if (read.leftOut.length > 0)
    out.push("", `Left out: ${String(read.leftOut.length)} handoffs whose lifecycle refused an event (see check)`);
  return `${out.join("\n")}\n`;
}
