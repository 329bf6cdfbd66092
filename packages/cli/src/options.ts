import { readFile } from "node:fs/promises";
import {
  HANDOFF_SLA_POLICIES,
  parseCalendar,
  WEEKDAYS,
  type Calendar,
  type MeetingEvent,
  type SlaPolicy,
  type Weekday,
} from "handoff-kit/sla";
import { CliError } from "./cli-io.js";

/** Reads a JSON file given to an option, naming the option when it cannot. */
export async function readJsonOption(option: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a file" : String(error);
    throw new CliError(`${option}: ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError(`${option}: ${path} is not JSON (${(error as Error).message})`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The adapter options in a `--mapping` file: one JSON object, checked by the adapter itself. */
export async function readMapping(path: string | undefined): Promise<Readonly<Record<string, unknown>>> {
  if (path === undefined) return {};
  const value = await readJsonOption("--mapping", path);
  if (!isRecord(value)) throw new CliError(`--mapping: ${path} must hold one JSON object of adapter options`);
  // JSON holds no date: the instant past which a scheduled meeting is read as done is written as text.
  const past: unknown = (value as { pastScheduled?: unknown }).pastScheduled;
  if (isRecord(past) && typeof (past as { now?: unknown }).now === "string") {
    const now = instantText((past as { now: string }).now, `--mapping: ${path}: pastScheduled.now`);
    return { ...value, pastScheduled: { ...past, now } };
  }
  return value;
}

/**
 * The `--calendars` file: business calendars by calendar id or rep id, each written as
 * `defineCalendar` takes it (`{ "timeZone": "Europe/London", "week": { "mon": [["09:00", "17:00"]] } }`).
 */
export async function readCalendars(
  path: string | undefined,
  name = "--calendars",
): Promise<Record<string, Calendar> | undefined> {
  if (path === undefined) return undefined;
  const value = await readJsonOption(name, path);
  if (!isRecord(value)) throw new CliError(`${name}: ${path} must hold one JSON object of calendars by id`);
  const calendars: Record<string, Calendar> = {};
  for (const [key, spec] of Object.entries(value)) {
    const parsed = parseCalendar(spec);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      const at = first === undefined ? "" : [key, ...first.path.map(String)].join(".");
      throw new CliError(`${name}: ${path}: ${at}: ${first?.message ?? "not a calendar"}`);
    }
    // Defined, not assigned: a rep id such as `__proto__` is a key like any other.
    Object.defineProperty(calendars, key, {
      value: parsed.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return calendars;
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February), or undefined. */
function calendarDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? match[0]
    : undefined;
}

/** `--week`: any date of the week to report. */
export function readWeek(text: string): string {
  const date = calendarDate(text);
  if (date === undefined || date !== text) throw new CliError(`--week: ${text} is not a date as YYYY-MM-DD`);
  return date;
}

/** `--now`: an ISO 8601 instant with its offset, or the clock when not given. */
export function readNow(text: string | undefined, clock: () => Date): Date {
  return text === undefined ? clock() : instantText(text, "--now");
}

/**
 * `--from` and `--to` of `intervals`: a date (`2026-01-01`, its midnight in UTC) or an ISO 8601
 * instant with an offset.
 */
export function readBound(text: string, name: string): Date {
  const date = calendarDate(text);
  if (date !== undefined && date === text) return new Date(`${date}T00:00:00Z`);
  return instantText(text, name);
}

/** An ISO 8601 instant with an offset, as written: the date must exist (Date reads 2026-02-30 as 2 March). */
function instantText(text: string, name: string): Date {
  const written =
    /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && calendarDate(text) !== undefined;
  const at = written ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()))
    throw new CliError(`${name}: ${text} is not an ISO 8601 instant with an offset (for example 2026-11-16T14:00:00Z)`);
  return at;
}

/** `--week-start`: the day weeks start on. */
export function readWeekday(text: string): Weekday {
  const day = WEEKDAYS.find((name) => name === text.toLowerCase().slice(0, 3));
  if (day === undefined) throw new CliError(`--week-start: ${text} is not a weekday (mon, tue, ... sun)`);
  return day;
}

export const POLICY_IDS = HANDOFF_SLA_POLICIES.map((policy) => policy.id);

/** `--policy`: built-in policies by id. */
export function readPolicies(ids: readonly string[] | undefined): SlaPolicy<MeetingEvent>[] | undefined {
  if (ids === undefined || ids.length === 0) return undefined;
  return ids.map((id) => {
    const policy = HANDOFF_SLA_POLICIES.find((candidate) => candidate.id === id);
    if (policy === undefined) throw new CliError(`--policy: ${id} is not one of ${POLICY_IDS.join(", ")}`);
    return policy;
  });
}
