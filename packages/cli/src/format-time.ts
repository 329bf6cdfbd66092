import { CliError } from "./cli-io.js";

/**
 * A `--time-zone` as the IANA name the platform knows it by (`america/new_york` is
 * America/New_York), or one line naming the option.
 */
export function zoneName(text: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new CliError(`--time-zone: ${text} is not an IANA time zone (for example America/New_York)`);
  }
}

/** Formats instants as `2026-11-12 10:00` on a zone's wall clock (one formatter a zone: they cost). */
export function instantFormatter(timeZone: string): (at: Date) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  } catch {
    throw new CliError(`--time-zone: ${timeZone} is not an IANA time zone (for example America/New_York)`);
  }
  return (at) => {
    const part = Object.fromEntries(format.formatToParts(at).map(({ type, value }) => [type, value]));
    const field = (name: string): string => part[name] ?? "";
    return `${field("year")}-${field("month")}-${field("day")} ${field("hour")}:${field("minute")}`;
  };
}

/** A duration in hours with one decimal (`26.0 h`), the unit SLA targets are written in. */
export const hoursText = (ms: number): string => `${(ms / 3_600_000).toFixed(1)} h`;
