import { describe, expect, it } from "vitest";
import { MEDDPICC_LITE, parseEvidence, parseIntentSignals } from "../../src/qualification/index.js";
import { parseMeetingQuality } from "../../src/rubric/index.js";
import { parseCalendar } from "../../src/sla/index.js";

// Every parse function shares one checker; a misuse error must still name the function the caller called.
describe("parse functions name themselves in misuse errors", () => {
  it.each([
    ["parseEvidence", () => parseEvidence({}, MEDDPICC_LITE, null as never)],
    ["parseMeetingQuality", () => parseMeetingQuality({}, null as never)],
    ["parseCalendar", () => parseCalendar({}, null as never)],
    ["parseIntentSignals", () => parseIntentSignals([], null as never)],
  ])("%s", (name, call) => {
    expect(call).toThrow(`(${name}: options must be an object: null)`);
  });

  it("parseIntentSignals names its list", () => {
    expect(() => parseIntentSignals("x" as never)).toThrow("(parseIntentSignals: signals must be an array: x)");
  });
});
