import { DAY } from "../core/duration.js";
import { dayNumberOf } from "../core/days.js";
import { inDateRange } from "../core/instant.js";
import { wallToInstant, zoneRules, type ZoneRules } from "../core/zone-offsets.js";

/**
 * One record as a source gives it: a CSV row as a parser yields it with its header (column name to
 * cell text), or a flat object. Cells that are not text or numbers are read as missing.
 *
 * @example
 * ```ts
 * import type { SourceRow } from "handoff-kit/adapters";
 * const row: SourceRow = { hs_object_id: "9001", hs_meeting_outcome: "COMPLETED" };
 * ```
 * @category Adapters
 */
export type SourceRow = Readonly<Record<string, unknown>>;

/**
 * A cell's text, trimmed; undefined when the cell is missing or empty. CRM exports write a missing
 * value as an empty string, so "" and "   " are missing too.
 */
export function cellText(row: SourceRow, column: string): string | undefined {
  if (!Object.hasOwn(row, column)) return undefined;
  const value: unknown = row[column];
  // Number.isFinite is true of finite numbers only (it does not convert "9001" as isFinite does).
  const text = Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string") return undefined;
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** What reading a source's timestamp gave: the instant, or why there is none. */
export type SourceInstant =
  | { readonly ok: true; readonly ms: number }
  | { readonly ok: false; readonly code: "invalid_date" | "missing_time_zone"; readonly message: string };

// With an offset or Z: read as written. Without one: a wall-clock time in the export's zone.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/iu;
const WALL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/u;
const EPOCH_MS = /^-?\d{11,16}$/u;

/**
 * Reads a timestamp as CRMs and schedulers export them: ISO 8601 with `Z` or an offset; epoch
 * milliseconds (HubSpot's API); or a date and time without an offset (`2026-11-05 15:30`, Data
 * Loader's and many UI exports' form), which is a wall-clock time in `zone`, the export's zone,
 * never the host's. Without a zone such a value is `missing_time_zone`.
 */
export function readInstant(text: string, zone: ZoneRules | undefined): SourceInstant {
  if (EPOCH_MS.test(text)) {
    const ms = Number(text);
    return inDateRange(ms) ? { ok: true, ms } : invalid(text);
  }
  if (WITH_OFFSET.test(text)) {
    // Date reads `2026-11-05 15:30Z` only with the T; an offset without a colon is ISO too.
    // Stryker disable next-line Regex: equivalent: Node's Date.parse (V8) reads +0100 as it reads +01:00
    const iso = text.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/u, "$1:$2");
    const ms = Date.parse(iso);
    return Number.isNaN(ms) || !sameDateAsWritten(text, iso) ? invalid(text) : { ok: true, ms };
  }
  const wall = WALL.exec(text);
  if (wall === null) return invalid(text);
  // Stryker disable next-line StringLiteral: equivalent: WALL always captures a date; Number("") is 0, as Number("00")
  const [, date = "", hh = "00", mm = "00", ss = "00", fraction = ""] = wall;
  const day = dayNumberOf(date);
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (day === undefined || hours > 23 || minutes > 59 || seconds > 59) return invalid(text);
  if (zone === undefined)
    return {
      ok: false,
      code: "missing_time_zone",
      message:
        `"${text}" has no offset: give the zone the export was written in (exportTimeZone), ` +
        `since the host's zone is never assumed`,
    };
  // Stryker disable next-line StringLiteral: equivalent: without a fraction, Number("0.") is 0 as Number("0.0") is
  const ms = Math.floor(Number(`0.${fraction || "0"}`) * 1000);
  const instant = wallToInstant(zone, day * DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms);
  return inDateRange(instant) ? { ok: true, ms: instant } : invalid(text);
}

/** The zone rules of an export's zone, read once per call of an adapter. */
export function exportZone(timeZone: string | undefined): ZoneRules | undefined {
  return timeZone === undefined ? undefined : zoneRules(timeZone);
}

const invalid = (text: string): SourceInstant => ({
  ok: false,
  code: "invalid_date",
  message: `"${text}" is not a date and time (expected ISO 8601, such as 2026-11-05T15:30:00Z)`,
});

/** Date.parse rolls 2026-02-30 over into March: the date part must name a day that exists. */
function sameDateAsWritten(text: string, iso: string): boolean {
  // Stryker disable next-line MethodExpression: equivalent: dayNumberOf reads only the first 10 characters
  return dayNumberOf(text.slice(0, 10)) !== undefined && !Number.isNaN(Date.parse(iso));
}

/**
 * A picklist value as a key, its internal value or its label alike: `No show`, `no_show` and
 * `NO_SHOW` are one outcome, `unqualified-stage-id` and `UNQUALIFIED_STAGE_ID` one stage.
 */
export const valueKey = (value: string): string =>
  value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/gu, "_");
