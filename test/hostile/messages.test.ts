// Messages and echoed names (issue "Every input answered"): a zone written in any case comes back as
// the tz database spells it, where the runtime can tell.
import { describe, expect, it } from "vitest";
import {
  AE_CONFIRMS_SAME_BUSINESS_DAY,
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  explainSla,
  hours,
  huddleReport,
  parseHandoff,
  scoreboard,
} from "../fixtures/all-exports.js";

describe("zone names", () => {
  it("are spelled as the tz database does, whatever case they were written in", () => {
    expect(defineCalendar({ timeZone: "america/new_york", week: {} }).timeZone).toBe("America/New_York");
    expect(defineCalendar({ timeZone: "utc", week: {} }).timeZone).toBe("UTC");
    expect(scoreboard([], { now: 0, week: { timeZone: "europe/LONDON" } }).week.timeZone).toBe("Europe/London");
    expect(huddleReport([], { now: 0, week: { timeZone: "pacific/auckland" } }).week.timeZone).toBe("Pacific/Auckland");
    const rep = parseHandoff({
      id: "h",
      source: "inbound",
      segment: "smb",
      sdr: { id: "s", name: "S", timeZone: "america/chicago" },
      ae: { id: "a", name: "A" },
      prospect: { name: "P" },
      account: { name: "Acme" },
    });
    expect(rep.ok && rep.value.sdr.timeZone).toBe("America/Chicago");
  });

  it("an alias whose canonical name differs stays as written, not swapped for another name", () => {
    // Node 20's Intl calls Asia/Kolkata "Asia/Calcutta"; the name the user chose is kept.
    expect(defineCalendar({ timeZone: "Asia/Kolkata", week: {} }).timeZone).toBe("Asia/Kolkata");
  });
});

describe("messages say what the user wrote, never what the engine uses inside", () => {
  it("a policy's calendar named constructor is a calendar missing from options.calendars", () => {
    const policy = defineSlaPolicy({
      id: "p",
      label: "P",
      start: ["booked"],
      stop: ["accepted"],
      target: { kind: "business_time", ms: hours(1), calendar: "constructor" },
    });
    const events = [{ type: "booked", at: new Date("2026-11-23T15:00:00Z") }];
    expect(() => evaluateSla(events, policy, { now: new Date("2026-11-23T16:00:00Z"), calendars: {} })).toThrow(
      'the policy needs a calendar named "constructor" in options.calendars',
    );
  });

  it("a round-the-clock calendar's same business day ends at its midnight, with no Infinity in the explanation", () => {
    const always = defineCalendar({
      timeZone: "America/New_York",
      week: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [["00:00", "24:00"]]]),
      ),
    });
    const events = [
      { type: "booked", at: new Date("2026-11-23T15:00:00Z"), meeting: { start: new Date("2026-11-30T15:00:00Z") } },
    ];
    const text = explainSla(
      evaluateSla(events, AE_CONFIRMS_SAME_BUSINESS_DAY, {
        now: new Date("2026-11-23T16:00:00Z"),
        calendars: { ae: always },
      }),
    );
    // Booked Monday 10:00 in New York: the day closes at its midnight, 14 hours later.
    expect(text).toContain("deadline: 2026-11-24 00:00");
    expect(text).not.toMatch(/Infinity|NaN|Invalid Date/u);
  });
});
