// cellText and readInstant, the cell and timestamp readers every adapter shares: directly, and
// through fromHubSpotMeetings. Each expected instant is worked out by hand from the zone's rules:
// America/New_York is EDT, UTC-4, until 1 November 2026 02:00 and EST, UTC-5, after it (01:00-02:00
// that night shows twice); 8 March 2026 02:00-03:00 does not exist (EST to EDT). Asia/Kolkata is
// IST, UTC+5:30, all year.
import { describe, expect, it } from "vitest";
import { fromHubSpotMeetings, salesforceId18, type SourceRow } from "../../src/adapters/index.js";
import { cellText, exportZone, readInstant } from "../../src/adapters/source-values.js";
import { hubspotMeeting } from "../fixtures/hubspot-rows.js";

const NEW_YORK = exportZone("America/New_York");
const ms = (iso: string): number => Date.parse(iso);
const ok = (iso: string): { ok: true; ms: number } => ({ ok: true, ms: ms(iso) });
const notADate = (text: string): { ok: false; code: "invalid_date"; message: string } => ({
  ok: false,
  code: "invalid_date",
  message: `"${text}" is not a date and time (expected ISO 8601, such as 2026-11-05T15:30:00Z)`,
});

describe("cellText", () => {
  it("reads a finite number as its text, since parsers that type columns give ids and counts as numbers", () => {
    expect(cellText({ id: 9001 }, "id")).toBe("9001");
    expect(cellText({ id: 0 }, "id")).toBe("0");
  });

  it("reads NaN, Infinity, null and undefined as missing, not as the words they print as", () => {
    expect(cellText({ id: Number.NaN }, "id")).toBeUndefined();
    expect(cellText({ id: Number.POSITIVE_INFINITY }, "id")).toBeUndefined();
    expect(cellText({ id: null }, "id")).toBeUndefined();
    expect(cellText({ id: undefined }, "id")).toBeUndefined();
  });

  it("reads only the row's own cells: a value inherited from a prototype is not in the export", () => {
    const row: SourceRow = Object.create({ id: "9001" }) as SourceRow;
    expect(cellText(row, "id")).toBeUndefined();
  });
});

describe("readInstant with Z or an offset", () => {
  it("reads a space between date and time, as exports write it, like the T", () => {
    expect(readInstant("2026-11-05 15:30Z", undefined)).toEqual(ok("2026-11-05T15:30:00Z"));
    // 15:30 at UTC+01:00 is 14:30Z.
    expect(readInstant("2026-11-05 15:30+0100", undefined)).toEqual(ok("2026-11-05T14:30:00Z"));
  });

  it("refuses a date that does not exist, which Date.parse would roll over into March", () => {
    expect(readInstant("2026-02-30T10:00:00Z", undefined)).toEqual(notADate("2026-02-30T10:00:00Z"));
    expect(readInstant("2026-02-29 10:00+0100", undefined)).toEqual(notADate("2026-02-29 10:00+0100"));
    // 2028 is a leap year: 29 February is a day, 10:00 at UTC+01:00 is 09:00Z.
    expect(readInstant("2028-02-29 10:00+0100", undefined)).toEqual(ok("2028-02-29T09:00:00Z"));
  });

  it("refuses a month that does not exist", () => {
    expect(readInstant("2026-13-01T10:00Z", undefined)).toEqual(notADate("2026-13-01T10:00Z"));
  });
});

describe("readInstant without an offset", () => {
  it("reads a date alone as midnight in the export's zone", () => {
    // 5 November 2026 is after the fall-back: EST, so 00:00 is 05:00Z.
    expect(readInstant("2026-11-05", NEW_YORK)).toEqual(ok("2026-11-05T05:00:00Z"));
  });

  it("reads the last hour, minute and second of a day, and refuses the first one past it", () => {
    // 23:59:59 EST is 04:59:59Z the next day.
    expect(readInstant("2026-11-05 23:59:59", NEW_YORK)).toEqual(ok("2026-11-06T04:59:59Z"));
    expect(readInstant("2026-11-05 23:00", NEW_YORK)).toEqual(ok("2026-11-06T04:00:00Z"));
    for (const text of ["2026-11-05 24:00", "2026-11-05 15:60", "2026-11-05 15:30:60"])
      expect(readInstant(text, NEW_YORK)).toEqual(notADate(text));
  });

  it("adds seconds and fractions of a second to the wall-clock time", () => {
    // 15:30:45.5 EST is 20:30:45.5Z; a fraction is cut to milliseconds, not rounded.
    expect(readInstant("2026-11-05 15:30:45.5", NEW_YORK)).toEqual(ok("2026-11-05T20:30:45.500Z"));
    expect(readInstant("2026-11-05T15:30:45.123999", NEW_YORK)).toEqual(ok("2026-11-05T20:30:45.123Z"));
    expect(readInstant("2026-11-05T15:30:45", NEW_YORK)).toEqual(ok("2026-11-05T20:30:45Z"));
  });

  it("reads a time the clock skipped forward by the gap, and a time it showed twice as the earlier", () => {
    // 02:30 on 8 March 2026 does not exist: read with EST's offset, 07:30Z, which is 03:30 EDT.
    expect(readInstant("2026-03-08 02:30", NEW_YORK)).toEqual(ok("2026-03-08T07:30:00Z"));
    // 01:30 on 1 November 2026 is 05:30Z in EDT and 06:30Z in EST: the earlier.
    expect(readInstant("2026-11-01 01:30", NEW_YORK)).toEqual(ok("2026-11-01T05:30:00Z"));
  });

  it("asks for the export's zone, and never assumes the host's, when there is none", () => {
    expect(readInstant("2026-11-05 15:30", undefined)).toEqual({
      ok: false,
      code: "missing_time_zone",
      message:
        '"2026-11-05 15:30" has no offset: give the zone the export was written in (exportTimeZone), ' +
        "since the host's zone is never assumed",
    });
  });

  it("checks the date is a date before asking for a zone", () => {
    expect(readInstant("2026-02-30 10:00", undefined)).toEqual(notADate("2026-02-30 10:00"));
  });
});

describe("readInstant with epoch milliseconds", () => {
  it("reads them as the instant, with no zone needed", () => {
    expect(readInstant("1793910600000", undefined)).toEqual(ok("2026-11-05T20:30:00Z"));
  });
});

describe("source values through fromHubSpotMeetings", () => {
  const meeting = hubspotMeeting;
  const options = {
    exportTimeZone: "America/New_York",
    defaults: { source: "outbound", segment: "mid_market" },
  } as const;

  it("reads an id a parser typed as a number as the same id", () => {
    const { handoffs, issues } = fromHubSpotMeetings([meeting({ hs_object_id: 9001 })], options);
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => handoff.id)).toEqual(["9001"]);
  });

  it("reads seconds in a wall-clock time: 15:00:30-15:30:45 EST is 20:00:30-20:30:45Z", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [meeting({ hs_meeting_start_time: "2026-11-05 15:00:30", hs_meeting_end_time: "2026-11-05 15:30:45.250" })],
      options,
    );
    expect(issues).toEqual([]);
    expect(handoffs[0]?.events[0]).toMatchObject({
      type: "booked",
      meeting: { start: new Date("2026-11-05T20:00:30Z"), end: new Date("2026-11-05T20:30:45.250Z") },
    });
  });

  it("reports a date that does not exist at its column, in the reader's words", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [meeting({ hs_meeting_start_time: "2026-02-30 15:00Z" })],
      options,
    );
    expect(handoffs).toEqual([]);
    expect(issues).toContainEqual({
      code: "invalid_date",
      path: [0, "hs_meeting_start_time"],
      row: 2,
      message: '"2026-02-30 15:00Z" is not a date and time (expected ISO 8601, such as 2026-11-05T15:30:00Z)',
    });
  });
});

describe("salesforceId18", () => {
  it("counts Z as a capital: the last letter of the alphabet sets its bit too", () => {
    // Each 5-character chunk's capitals make a bit mask (first character bit 0), mapped 0-25 to A-Z
    // and 26-31 to 0-5. 001Z0: Z is bit 3, 8, "I"; 00000: 0, "A"; 0000Z: bit 4, 16, "Q".
    expect(salesforceId18("001Z0000000000Z")).toBe("001Z0000000000ZIAQ");
    // AAAAZ: bits 0-4, 31, "5".
    expect(salesforceId18("001Z000000AAAAZ")).toBe("001Z000000AAAAZIA5");
  });
});
