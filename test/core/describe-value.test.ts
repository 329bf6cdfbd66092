import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/core/describe-value.js";

// How a refusal names a value it was given: short, and never by calling the value's own toString.
describe("describeValue", () => {
  it.each<[string, unknown, string]>([
    ["a short string, as it is", "TBD", "TBD"],
    ["the empty string", "", ""],
    ["a number", 1.5, "1.5"],
    ["NaN", Number.NaN, "NaN"],
    ["a boolean", false, "false"],
    ["a bigint", 10n, "10"],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["a date", new Date(0), "1970-01-01T00:00:00.000Z"],
    ["an invalid date", new Date(Number.NaN), "Invalid Date"],
    ["an array", [1, 2], "an array"],
    ["an object", { toString: () => "should not be called" }, "an object"],
    ["a function", () => 1, "function"],
    ["a symbol", Symbol("s"), "symbol"],
  ])("%s", (_, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it("keeps strings of up to 80 characters and cuts longer ones to 77 and an ellipsis", () => {
    const eighty = "x".repeat(80);
    expect(describeValue(eighty)).toBe(eighty);
    expect(describeValue(`${"y".repeat(77)}zzzz`)).toBe(`${"y".repeat(77)}...`);
  });
});
