// A zone's UTC offset read the slow, plain way, independent of the library: from the wall-clock
// fields Intl formats (the era read, so years before 1 count). Shared by the zone-data test and
// scripts/zone-data-check.ts, which check the facts the library's zone table relies on.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local minus UTC in ms at an instant, to the second. */
export function wallOffset(timeZone: string, at: number): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatter.formatToParts(at)) {
    if (part.type === "era") bc = part.value.startsWith("B");
    else fields[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(
    bc ? 1 - (fields["year"] ?? 0) : (fields["year"] ?? 0),
    (fields["month"] ?? 1) - 1,
    fields["day"] ?? 1,
  );
  wall.setUTCHours(fields["hour"] ?? 0, fields["minute"] ?? 0, fields["second"] ?? 0, 0);
  return wall.getTime() - (at - (((at % 1_000) + 1_000) % 1_000));
}
