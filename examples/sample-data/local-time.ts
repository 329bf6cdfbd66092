import { TZDate } from "@date-fns/tz";

/** A local calendar date, as the sample's reps see it. */
export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

/** The instant at a local wall-clock time in a zone (minutes after local midnight). */
export function instantAt(zone: string, date: LocalDate, minuteOfDay: number): number {
  return new TZDate(
    date.year,
    date.month - 1,
    date.day,
    Math.floor(minuteOfDay / 60),
    minuteOfDay % 60,
    0,
    zone,
  ).getTime();
}

/** The local date of an instant in a zone. */
export function localDateOf(zone: string, at: number): LocalDate {
  const local = new TZDate(at, zone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** `YYYY-MM-DD` for a local date. */
export function isoDate(date: LocalDate): string {
  return `${String(date.year)}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/** The local date `n` calendar days after `date` (calendar arithmetic, independent of any zone). */
export function addDays(date: LocalDate, n: number): LocalDate {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** 0 for Sunday to 6 for Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Whether the date is a working day: a weekday that is not one of the given holidays. */
export function isWorkday(date: LocalDate, holidays: ReadonlySet<string>): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !holidays.has(isoDate(date));
}

/** The `n`-th working day after `date` (n >= 1). */
export function addWorkdays(date: LocalDate, n: number, holidays: ReadonlySet<string>): LocalDate {
  let current = date;
  for (let left = n; left > 0;) {
    current = addDays(current, 1);
    if (isWorkday(current, holidays)) left -= 1;
  }
  return current;
}
