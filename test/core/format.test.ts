// The small formatters every module writes its messages with, each expected value written by hand.
import { describe, expect, it } from "vitest";
import { countOf, formatDuration, formatPercent, padDigits } from "../../src/core/format.js";

describe("formatters", () => {
  it("count a noun, singular for one only", () => {
    expect(countOf(1, "breach", "breaches")).toBe("1 breach");
    expect(countOf(0, "breach", "breaches")).toBe("0 breaches");
    expect(countOf(2, "business day")).toBe("2 business days");
  });

  it("pad whole numbers and write shares as percentages", () => {
    expect(padDigits(7, 2)).toBe("07");
    expect(padDigits(2026, 2)).toBe("2026");
    expect(formatPercent(0.468, 1)).toBe("46.8%");
    expect(formatPercent(0.468, 0)).toBe("47%");
  });

  it("write durations in hours and minutes, seconds under a minute", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(9.5 * 3_600_000)).toBe("9 h 30 min");
    expect(formatDuration(-2 * 3_600_000)).toBe("-2 h");
  });
});
