// Instants at the edges of the Date range (issue "Every input answered"): toEpochMs accepts
// ±8.64e15 ms, so every function taking an instant must answer there, never throw a RangeError.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  addBusinessDays,
  addBusinessTime,
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  businessTimeBetween,
  defineCalendar,
  evaluateSla,
  explainSla,
  huddleReport,
  isOpen,
  nextClose,
  nextOpen,
  parseHandoff,
  previousClose,
  scoreboard,
  type Handoff,
} from "../fixtures/all-exports.js";

const END = 8.64e15;
const START = -8.64e15;
const DAY = 86_400_000;
const calendar = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "17:00"]] } });

function codeOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return error instanceof HandoffKitError ? error.code : `foreign: ${String(error)}`;
  }
  return "none";
}

describe("calendar arithmetic at the edges of the Date range", () => {
  it("answers what lies inside, and says beyond_date_range for what lies past an end", () => {
    expect(isOpen(END, calendar)).toBe(false);
    expect(isOpen(START, calendar)).toBe(false);
    expect(codeOf(() => nextOpen(END, calendar))).toBe("beyond_date_range");
    expect(nextClose(END, calendar)).toBeNull();
    expect(previousClose(START, calendar)).toBeNull();
    expect(codeOf(() => addBusinessTime(END, 3_600_000, calendar))).toBe("beyond_date_range");
    expect(codeOf(() => addBusinessTime(START, -3_600_000, calendar))).toBe("beyond_date_range");
    expect(codeOf(() => addBusinessDays(END, 1, calendar))).toBe("beyond_date_range");
    expect(codeOf(() => addBusinessDays(0, 1e9, calendar))).toBe("beyond_date_range");
    // The range ends on Saturday +275760-09-13 (day 100,000,000 is 2 days after a Thursday, mod 7);
    // the 30 days before it hold the Mondays of 18 and 25 August, 1 and 8 September: 4 x 8 hours.
    expect(businessTimeBetween(END - 30 * DAY, END, calendar)).toBe(32 * 3_600_000);
    // The first Monday after the start of the range opens: a result inside the range is a Date.
    expect(nextOpen(START, calendar).getTime()).toBeGreaterThan(START);
  });

  it("evaluateSla reports a clock whose deadline lies past the end, and explains the rest", () => {
    const evaluation = evaluateSla([{ type: "booked", at: END }], AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, {
      now: END,
      calendars: { ae: calendar },
    });
    expect(evaluation.state).toBe("not_started");
    expect(evaluation.issues).toEqual([expect.objectContaining({ code: "no_deadline", path: [0] })]);
    expect(explainSla(evaluation)).toContain(AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR.label);
  });
});

describe("weeks at the edges of the Date range", () => {
  const parsed = parseHandoff({
    id: "h1",
    source: "outbound",
    segment: "smb",
    createdAt: START,
    sdr: { id: "s", name: "S" },
    ae: { id: "a", name: "A" },
    prospect: { name: "P" },
    account: { name: "Acme" },
  });
  const handoff = parsed.ok ? parsed.value : (undefined as unknown as Handoff);

  it("names the week the first instant falls in, though its Monday lies before the range", () => {
    // Day -100,000,000 (-271821-04-20) is a Tuesday: 1970-01-01 was a Thursday and 100,000,000 = 2 (mod 7).
    // Its week started the Monday before, -271821-04-19, a day no Date can hold.
    expect(scoreboard([handoff], { now: START, groupBy: "week" }).groups.map((group) => group.key)).toEqual([
      "-271821-04-19",
    ]);
  });

  it("the huddle names its weeks there too", () => {
    // The range ends on Saturday +275760-09-13; the last complete week ran from Monday 1 to Monday 8 September.
    expect(huddleReport([handoff], { now: END }).week).toMatchObject({ start: "+275760-09-01", end: "+275760-09-08" });
  });
});
