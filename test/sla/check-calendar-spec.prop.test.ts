// parseCalendar and defineCalendar check a spec without zod, so that business time alone stays small
// in a bundle; calendarSpecSchema stays a zod schema for callers who compose it. A law holds the two to
// one answer: the same value for a good spec, the same issues in the same order for a bad one, over
// specs generated near the good ones (every field wrong in each way, fields left out or undefined,
// unknown keys, holidays that fit one form, two or none, overlaps found only when no form is wrong).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromZodIssues } from "../../src/core/issue.js";
import { calendarSpecSchema, parseCalendar } from "../../src/sla/index.js";
import { checkCalendarSpec } from "../../src/sla/check-calendar-spec.js";

const clock = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("09:00", "12:00", "13:00", "17:30", "22:00", "02:00", "00:00", "24:00") },
  { weight: 1, arbitrary: fc.constantFrom("9am", "24:01", "25:00", "", "09:60") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(9, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true) },
);
const window = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(clock, clock) },
  { weight: 1, arbitrary: fc.array(clock, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("09:00-17:00", 5, null, {}, new Date(0)) },
);
const windows = fc.oneof(
  { weight: 8, arbitrary: fc.array(window, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, "09:00", { 0: ["09:00", "17:00"] }) },
);
const date = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("2026-01-01", "2026-01-05", "2026-12-25", "2024-02-29", "2027-06-01") },
  { weight: 1, arbitrary: fc.constantFrom("2026-02-30", "2026-13-01", "2026-1-1", "x", "") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(20260101, null, undefined, new Date(0)) },
);
const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Christmas", "") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(5, null) },
);
const optional = (keys: Record<string, fc.Arbitrary<unknown>>) => fc.record(keys, { requiredKeys: [] });
const holiday = fc.oneof(
  { weight: 3, arbitrary: date },
  {
    weight: 3,
    arbitrary: fc.record({ date }).chain((d) => optional({ hours: windows, name }).map((o) => ({ ...d, ...o }))),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ from: date, to: date })
      .chain((r) => optional({ hours: windows, name, extra: fc.constant(1) }).map((o) => ({ ...r, ...o }))),
  },
  { weight: 1, arbitrary: optional({ date, from: date, to: date, hours: windows, name }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, ["2026-01-01"], new Date(0)) },
);
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const week = fc.oneof(
  { weight: 8, arbitrary: optional(Object.fromEntries(DAYS.map((day) => [day, windows]))) },
  {
    weight: 2,
    arbitrary: optional({ mon: windows, xyz: windows, Mon: windows, 3: windows, sun: windows }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, [], "mon", new Date(0), Object.create(null)) },
);
const timeZone = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom("UTC", "America/New_York", "europe/london", "Asia/Calcutta", "Asia/Kolkata"),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("Nope/Zone", "", 5, null, undefined) },
);
const spec = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ timeZone, week }).chain((s) =>
      optional({ holidays: fc.array(holiday, { maxLength: 4 }), note: fc.constant("x") }).map((o) => ({
        ...s,
        ...o,
      })),
    ),
  },
  {
    weight: 1,
    arbitrary: optional({
      timeZone,
      week,
      holidays: fc.oneof(fc.array(holiday, { maxLength: 2 }), fc.constantFrom<unknown>(null, "2026-01-01")),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "UTC", [], 7, new Date(0)) },
);

/** What the zod schema says, in the library's issue shape. */
function zodSays(input: unknown) {
  const parsed = calendarSpecSchema.safeParse(input);
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, issues: fromZodIssues(parsed.error.issues) };
}

describe("checkCalendarSpec against calendarSpecSchema", () => {
  it("gives the schema's value, or its issues in its order", () => {
    fc.assert(
      fc.property(spec, (input) => {
        expect(checkCalendarSpec(input)).toStrictEqual(zodSays(input));
      }),
      { numRuns: 4_000 },
    );
  });

  it("meets each kind of answer in the runs above", () => {
    // The law is only as good as the cases it meets: every issue code a spec can carry, good specs,
    // overlaps found beside issues that do not stop the rules across fields, and a holiday reported
    // through the one form that got as far as its refinements.
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(spec, (input) => {
        const said = zodSays(input);
        if (said.ok) {
          count("valid");
          return;
        }
        const codes = new Set(said.issues.map((issue) => issue.code));
        for (const code of codes) count(code);
        if (codes.has("overlapping_windows") && codes.size > 1) count("overlap beside another issue");
        if (
          said.issues.some(
            (issue) => issue.path[0] === "holidays" && issue.path.length > 2 && issue.code !== "overlapping_windows",
          )
        )
          count("a holiday's own field");
      }),
      { numRuns: 4_000, seed: 17 },
    );
    const wanted = [
      "valid",
      "invalid_type",
      "invalid_format",
      "too_small",
      "too_big",
      "unrecognized_keys",
      "invalid_union",
      "invalid_time_zone",
      "invalid_window",
      "empty_window",
      "invalid_date",
      "invalid_range",
      "overlapping_windows",
      "overlap beside another issue",
      "a holiday's own field",
    ];
    for (const kind of wanted) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(10);
  });

  it("reports a holiday range over a year with its own hours, and parseCalendar's warnings are the schema's", () => {
    const long = {
      timeZone: "UTC",
      week: {},
      // 2026-01-01 to 2027-01-02 is 367 days counting both ends; a year, leap day included, is 366.
      holidays: [
        { from: "2026-01-01", to: "2027-01-02", hours: [["09:00", "12:00"]], extra: 1 },
        { from: "2026-01-01", to: "2027-01-01", hours: [["09:00", "12:00"]] },
      ],
    };
    expect(checkCalendarSpec(long)).toStrictEqual(zodSays(long));
    expect(zodSays(long)).toMatchObject({
      ok: false,
      issues: [{ code: "range_too_long", path: ["holidays", 0, "to"] }],
    });
    const typo = { timeZone: "UTC", week: { mon: [["09:00", "17:00"]] }, holiday: ["2026-12-25"] };
    const parsed = parseCalendar(typo);
    expect(parsed.ok && parsed.warnings?.map((warning) => warning.path)).toStrictEqual([["holiday"]]);
  });
});
