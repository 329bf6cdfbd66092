import fc from "fast-check";
import { defineCalendar, type CalendarSpec } from "../../src/sla/index.js";
import type { RefSpec } from "./reference.js";

/** The zones the issue names: DST-heavy, half-hour and 45-minute offsets, a 30-minute DST, a skipped day. */
export const ZONES = [
  "America/New_York",
  "Europe/London",
  "America/St_Johns",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Santiago",
  "Africa/Casablanca",
  "Pacific/Apia",
  "UTC",
] as const;

const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const SLOT = 30; // minutes: window edges fall on the hour or half hour, DST edges included
const SLOTS_PER_WEEK = (7 * 1440) / SLOT;

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Turns sorted boundary slots on the circular week into non-overlapping windows of under 24 hours. */
function weekFrom(points: readonly number[], shift: number): RefSpec["week"] {
  const week: Record<string, [string, string][]> = {};
  for (let i = 0; i + 1 < points.length; i += 2) {
    const start = (((points[i] ?? 0) + shift) % SLOTS_PER_WEEK) * SLOT;
    let length = ((points[i + 1] ?? 0) - (points[i] ?? 0)) * SLOT;
    if (length >= 1440) length = 1440 - SLOT;
    const day = Math.floor(start / 1440);
    const from = start % 1440;
    const to = from + length;
    const end = to === 1440 ? "24:00" : clock(to % 1440);
    (week[WEEK[day] ?? "mon"] ??= []).push([clock(from), end]);
  }
  return week;
}

const weekArbitrary = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .uniqueArray(fc.integer({ min: 0, max: SLOTS_PER_WEEK - 1 }), { minLength: 2, maxLength: 20 })
      .map((points) => points.sort((a, b) => a - b))
      .chain((points) => fc.integer({ min: 0, max: SLOTS_PER_WEEK - 1 }).map((shift) => weekFrom(points, shift))),
  },
  // Office hours with a lunch break, the most common real calendar.
  {
    weight: 2,
    arbitrary: fc.constant(
      Object.fromEntries(
        WEEK.slice(0, 5).map((day) => [
          day,
          [
            ["09:00", "12:00"],
            ["13:00", "17:30"],
          ],
        ]),
      ),
    ),
  },
  // An overnight desk and a round-the-clock desk.
  { weight: 1, arbitrary: fc.constant(Object.fromEntries(WEEK.map((day) => [day, [["22:00", "06:00"]]]))) },
  { weight: 1, arbitrary: fc.constant(Object.fromEntries(WEEK.map((day) => [day, [["00:00", "24:00"]]]))) },
);

const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Days around the transition months, where the DST bugs live, and any day of the years 2024-2028. */
export const baseDay = fc.oneof(
  fc.integer({ min: 19_723, max: 21_549 }), // 2024-01-01 .. 2028-12-31
  fc
    .tuple(
      fc.integer({ min: 2024, max: 2028 }),
      fc.constantFrom(2, 3, 3, 4, 9, 10, 10, 11),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => Date.UTC(y, m, d) / 86_400_000),
);

/** A calendar spec and a base instant (whole minutes) near which the holidays fall. */
export const calendarCase = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: weekArbitrary,
    day: baseDay,
    minute: fc.integer({ min: 0, max: 1439 }),
  })
  .chain(({ timeZone, week, day, minute }) =>
    fc
      .array(
        fc.oneof(
          fc.integer({ min: -4, max: 10 }).map((offset) => iso(day + offset)),
          fc
            .record({
              offset: fc.integer({ min: -4, max: 10 }),
              hours: fc.constantFrom<[string, string][]>(
                [["10:00", "14:00"]],
                [["02:00", "03:00"]],
                [["20:00", "04:00"]],
                [["00:00", "24:00"]],
              ),
            })
            .map(({ offset, hours }) => ({ date: iso(day + offset), hours })),
          fc
            .record({ offset: fc.integer({ min: -4, max: 10 }), length: fc.integer({ min: 0, max: 4 }) })
            .map(({ offset, length }) => ({ from: iso(day + offset), to: iso(day + offset + length) })),
        ),
        { maxLength: 3 },
      )
      .map((holidays): { spec: RefSpec; at: number } => ({
        spec: { timeZone, week, holidays },
        at: day * 86_400_000 + minute * 60_000,
      })),
  );

/** A calendar case with its calendar built: the spec, the calendar, and the base instant. */
export const calendarWithSpec = calendarCase.map(({ spec, at }) => ({
  spec,
  cal: defineCalendar(spec as CalendarSpec),
  at,
}));
