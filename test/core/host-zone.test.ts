import { describe, expect, it } from "vitest";

// vitest.config.ts sets TZ before the workers start. Every test in the suite runs in this zone, far
// from the calendars under test, so any code that read the host's zone would give wrong answers.
describe("the test host's zone", () => {
  it("is not UTC nor any zone the tests' calendars use", () => {
    const expected = process.env["HANDOFF_KIT_TEST_TZ"] ?? "Pacific/Kiritimati";
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    if (expected === "Pacific/Kiritimati") expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-14 * 60);
  });
});
