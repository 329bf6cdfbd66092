// A brute-force reference for the SLA calendar semantics, written from ARCHITECTURE.md's rules and
// sharing no code with src/sla: its own reading of the spec, its own zone conversion (Intl's
// `longOffset` zone names rather than wall-clock fields), and minute-by-minute stepping instead of
// closed forms. Instants and window boundaries in the tests are whole minutes, and every zone under
// test has whole-minute offsets, so stepping by minutes is exact.

export const MIN = 60_000;
const DAY_MS = 86_400_000;

type Window = readonly [string, string];
export interface RefSpec {
  readonly timeZone: string;
  readonly week: Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", readonly Window[]>>;
  readonly holidays?: readonly (
    string | { date: string; hours?: readonly Window[] } | { from: string; to: string; hours?: readonly Window[] }
  )[];
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** UTC offset in ms at an instant, read from the zone's "GMT+05:30" style name. */
export function refOffset(zone: string, at: number): number {
  let formatter = offsetFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (match === null) throw new Error(`unreadable offset ${name}`);
  if (match[1] === undefined) return 0;
  const size = (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] === "-" ? -size : size;
}

/** The instant a wall-clock time (ms as if UTC) names; gaps resolve forward, repeats to the earlier instant. */
export function refWallToInstant(zone: string, wall: number): number {
  const offsets = new Set([-36, -12, 0, 12, 36].map((hours) => refOffset(zone, wall + hours * 3_600_000)));
  const candidates = [...offsets].map((offset) => wall - offset);
  const valid = candidates.filter((at) => refOffset(zone, at) === wall - at);
  if (valid.length > 0) return Math.min(...valid);
  // A skipped wall time: read it with the offset in force before the change, which lands after it.
  const earliest = Math.min(...candidates);
  return wall - refOffset(zone, earliest);
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const WEEK_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The brute-force calendar: its intervals per owner day, built on demand and kept for the case. */
export class RefCalendar {
  private readonly intervals = new Map<number, [number, number][]>();
  private readonly holidays = new Map<number, Window[] | "closed">();

  constructor(private readonly spec: RefSpec) {
    for (const holiday of spec.holidays ?? []) {
      const from = typeof holiday === "string" ? holiday : "date" in holiday ? holiday.date : holiday.from;
      const to = typeof holiday === "string" ? holiday : "date" in holiday ? holiday.date : holiday.to;
      const hours = typeof holiday === "string" ? undefined : holiday.hours;
      for (let day = dayNumber(from); day <= dayNumber(to); day += 1) {
        const entry: Window[] | "closed" = hours === undefined || hours.length === 0 ? "closed" : [...hours];
        const before = this.holidays.get(day);
        if (before === undefined) this.holidays.set(day, entry);
        else if (before !== "closed") this.holidays.set(day, entry === "closed" ? "closed" : [...before, ...entry]);
      }
    }
  }

  /** The local day (days since 1970-01-01 on the zone's wall clock) of an instant. */
  localDay(at: number): number {
    return Math.floor((at + refOffset(this.spec.timeZone, at)) / DAY_MS);
  }

  windowsOf(day: number): readonly Window[] {
    const holiday = this.holidays.get(day);
    if (holiday !== undefined) return holiday === "closed" ? [] : holiday;
    const weekday = (((day + 4) % 7) + 7) % 7;
    return this.spec.week[WEEK_KEYS[weekday] ?? "sun"] ?? [];
  }

  ownedIntervals(day: number): [number, number][] {
    let cached = this.intervals.get(day);
    if (cached === undefined) {
      cached = this.windowsOf(day).map(([start, end]) => {
        const s = minutesOf(start);
        let e = minutesOf(end);
        if (e < s) e += 1440;
        return [
          refWallToInstant(this.spec.timeZone, day * DAY_MS + s * MIN),
          refWallToInstant(this.spec.timeZone, day * DAY_MS + e * MIN),
        ];
      });
      this.intervals.set(day, cached);
    }
    return cached;
  }

  /** Open iff some day's resolved window holds the instant (a union of windows). */
  isOpen(at: number): boolean {
    const day = this.localDay(at);
    for (let owner = day - 3; owner <= day + 1; owner += 1) {
      if (this.ownedIntervals(owner).some(([start, end]) => start <= at && at < end)) return true;
    }
    return false;
  }

  /** Open minutes from `from` on, one by one (forwards, or backwards when `step` is negative). */
  private *minutes(from: number, step: 1 | -1, limit: number): Generator<{ minute: number; open: boolean }> {
    // Every owner day whose windows could reach the stepped range, resolved once; each minute is then
    // tested against all of them.
    const reach = step === 1 ? [from, from + limit * MIN] : [from - limit * MIN, from];
    const intervals: [number, number][] = [];
    for (let day = this.localDay(reach[0] ?? from) - 3; day <= this.localDay(reach[1] ?? from) + 1; day += 1)
      intervals.push(...this.ownedIntervals(day));
    for (let i = 0; i < limit; i += 1) {
      const minute = step === 1 ? from + i * MIN : from - (i + 1) * MIN;
      yield { minute, open: intervals.some(([start, end]) => start <= minute && minute < end) };
    }
  }

  between(from: number, to: number): number {
    const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let open = 0;
    for (const { open: isOpen } of this.minutes(a, 1, (b - a) / MIN)) if (isOpen) open += 1;
    return open === 0 ? 0 : sign * open * MIN;
  }

  nextOpen(at: number, limit: number): number | undefined {
    for (const { minute, open } of this.minutes(at, 1, limit)) if (open) return minute;
    return undefined;
  }

  nextClose(at: number, limit: number): number | undefined {
    let seenOpen = false;
    for (const { minute, open } of this.minutes(at, 1, limit)) {
      if (open) seenOpen = true;
      else if (seenOpen) return minute;
    }
    return undefined;
  }

  /** The earliest instant by which `ms` (> 0) of business time has accrued since `at`. */
  addForward(at: number, ms: number, limit: number): number | undefined {
    let left = ms / MIN;
    for (const { minute, open } of this.minutes(at, 1, limit)) {
      if (open && (left -= 1) === 0) return minute + MIN;
    }
    return undefined;
  }

  /** The latest instant u <= at with `ms` (> 0) of business time between u and at. */
  addBackward(at: number, ms: number, limit: number): number | undefined {
    let left = ms / MIN;
    for (const { minute, open } of this.minutes(at, -1, limit)) {
      if (open && (left -= 1) === 0) return minute;
    }
    return undefined;
  }
}
