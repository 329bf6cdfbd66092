// instantSchema answers plain ISO text and valid Dates itself (a third of parsing a record was zod's
// union, transform and pipe for its twenty instants) and hands anything else to writtenInstant, the
// schema that states the rules. Laws hold the two to one answer, alone and inside an object whose own
// refinement runs only when no field's issue stops it, and the arithmetic to `new Date(text)`.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { isoInstantMs } from "../../src/core/iso-instant.js";
import { instantSchema, writtenInstant } from "../../src/core/schemas.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Text zod's pattern takes, over the whole range of years, with fractions of any length and offsets. */
const isoText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9_999 }), fc.constantFrom(0, 1, 99, 100, 1600, 1900, 2000, 2024, 9_999)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/u), { nil: undefined }),
    offset: fc.oneof(
      fc.constant("Z"),
      fc
        .record({
          sign: fc.constantFrom("+", "-"),
          hours: fc.integer({ min: 0, max: 23 }),
          minutes: fc.integer({ min: 0, max: 59 }),
        })
        .map(({ sign, hours, minutes }) => `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`),
    ),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, offset }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` +
      `${fraction === undefined ? "" : `.${fraction}`}${offset}`,
  )
  .filter((text) => writtenInstant.isoPattern.test(text));

/** Anything an instant field may hold in a real file: good and bad text, numbers, Dates, junk. */
const anyInstant = fc.oneof(
  isoText,
  isoText.map((text) => text.replace("T", " ")),
  isoText.map((text) => text.replace(/(?:Z|[+-]\d\d:\d\d)$/u, "")),
  fc.constantFrom("2026-02-30T10:00:00Z", "2026-11-02", "", "now", "2026-11-02T15:40:00+0100", "2026-11-02T24:00:00Z"),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.constantFrom(8.64e15 + 1, -8.64e15 - 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom<unknown>(null, undefined, true, {}, [], { valueOf: () => 0 }),
);

const answer = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? { value: parsed.data } : { issues: parsed.error.issues };
};

describe("instantSchema", () => {
  it("reads ISO text to the millisecond new Date(text) reads", () => {
    fc.assert(
      fc.property(isoText, (text) => {
        expect(isoInstantMs(text)).toBe(new Date(text).getTime());
      }),
      { numRuns: 5_000 },
    );
  });

  it("gives writtenInstant's value, or its issues", () => {
    fc.assert(
      fc.property(anyInstant, (input) => {
        expect(answer(instantSchema, input)).toStrictEqual(answer(writtenInstant.schema, input));
      }),
      { numRuns: 3_000 },
    );
  });

  it("stops an object's refinement exactly when writtenInstant does", () => {
    // A wrong format does not stop the checks after it; a wrong type, or a union no option takes, does.
    const withRefinement = (instant: z.ZodType) =>
      z.object({ at: instant, by: z.string() }).superRefine((_, ctx) => {
        ctx.addIssue({ code: "custom", message: "the object's own check ran" });
      });
    const fast = withRefinement(instantSchema);
    const reference = withRefinement(writtenInstant.schema);
    const ran = { stopped: 0, ran: 0 };
    fc.assert(
      fc.property(anyInstant, fc.constantFrom<unknown>("ae-1", 5), (at, by) => {
        const said = answer(reference, { at, by });
        expect(answer(fast, { at, by })).toStrictEqual(said);
        const messages = "issues" in said ? said.issues.map((issue) => issue.message) : [];
        if (messages.includes("the object's own check ran")) ran.ran += 1;
        else ran.stopped += 1;
      }),
      { numRuns: 3_000, seed: 17 },
    );
    expect(ran.ran).toBeGreaterThan(100);
    expect(ran.stopped).toBeGreaterThan(100);
  });

  it("reads hand-worked instants", () => {
    // 2026-11-02 is 20,759 days after 1970-01-01 (56 years with 14 leap days, and 305 days to 2 November).
    expect(isoInstantMs("2026-11-02T15:40:00Z")).toBe(20_759 * 86_400_000 + (15 * 60 + 40) * 60_000);
    expect(isoInstantMs("2026-11-02T15:40:00.1239+01:30")).toBe(20_759 * 86_400_000 + (14 * 60 + 10) * 60_000 + 123);
    // The first instant of year 0 (a leap year, 719,528 days before 1970).
    expect(isoInstantMs("0000-01-01T00:00:00Z")).toBe(-719_528 * 86_400_000);
    expect(instantSchema.parse(new Date(0))).toStrictEqual(new Date(0));
  });
});
