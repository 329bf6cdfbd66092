// Messages and echoed names (issue "Every input answered"): a zone written in any case comes back as
// the tz database spells it, where the runtime can tell.
import { describe, expect, it } from "vitest";
import { createCalendar, huddleReport, parseHandoff, scoreboard } from "../../src/index.js";

describe("zone names", () => {
  it("are spelled as the tz database does, whatever case they were written in", () => {
    expect(createCalendar({ timeZone: "america/new_york", week: {} }).timeZone).toBe("America/New_York");
    expect(createCalendar({ timeZone: "utc", week: {} }).timeZone).toBe("UTC");
    expect(scoreboard([], { now: 0, week: { timeZone: "europe/LONDON" } }).week.timeZone).toBe("Europe/London");
    expect(huddleReport([], { now: 0, timeZone: "pacific/auckland" }).week.timeZone).toBe("Pacific/Auckland");
    const rep = parseHandoff({ id: "h", source: "inbound", segment: "smb", sdr: { id: "s", name: "S", timeZone: "america/chicago" }, ae: { id: "a", name: "A" }, prospect: { name: "P" }, account: { name: "Acme" } });
    expect(rep.ok && rep.value.sdr.timeZone).toBe("America/Chicago");
  });

  it("an alias whose canonical name differs stays as written, not swapped for another name", () => {
    // Node 20's Intl calls Asia/Kolkata "Asia/Calcutta"; the name the user chose is kept.
    expect(createCalendar({ timeZone: "Asia/Kolkata", week: {} }).timeZone).toBe("Asia/Kolkata");
  });
});
