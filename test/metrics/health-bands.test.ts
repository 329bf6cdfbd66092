import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import type { Issue } from "../../src/core/issue.js";
import { defineHealthBands, type HealthBand } from "../../src/metrics/index.js";

/** The error defineHealthBands throws for `bands`, or a failure when it returns. */
function refusal(bands: unknown): HandoffKitError {
  try {
    defineHealthBands(bands as never);
  } catch (caught) {
    if (caught instanceof HandoffKitError) return caught;
    throw caught;
  }
  throw new Error("defineHealthBands accepted the bands");
}

/** The issues of refusing `band` alone, at index 0. */
const issuesOf = (band: unknown): readonly Issue[] => refusal([band]).issues;

// A good band to spoil one field at a time, so each refusal below is that field's alone.
const good: HealthBand = { metric: "noShowRate", label: "No-show rate", high: 0.1, source: "our Q3 target" };

// The metrics in the order HealthBand's TSDoc (BandedMetric) lists them.
const METRICS = "heldRate, noShowRate, acceptanceRate, handoffToOpportunityRate, timeToFirstFollowUp, meetingQuality";

describe("defineHealthBands' refusals, issue by issue", () => {
  it("names itself and the first issues in the message, as every invalid_config does", () => {
    const error = refusal([good, { ...good, low: 0.5, high: 0.2 }]);
    expect(error.code).toBe("invalid_config");
    // composeMessage: prefix, code and its sentence, the detail in brackets, then "path: message";
    // the path [1, "high"] is written [1].high.
    expect(error.message).toBe(
      "[handoff-kit] invalid_config: The configuration is invalid (defineHealthBands): " +
        "[1].high: Expected high at or above low",
    );
  });

  it("refuses anything but a list as a whole, at the root", () => {
    for (const [bands, shown] of [
      [{}, "an object"],
      [null, "null"],
      ["noShowRate", "noShowRate"],
    ] as const) {
      const error = refusal(bands);
      expect(error.code).toBe("invalid_config");
      expect(error.issues).toEqual([{ code: "invalid_type", path: [], message: `Expected a list of bands: ${shown}` }]);
      // The root's path is written (root).
      expect(error.message).toBe(
        `[handoff-kit] invalid_config: The configuration is invalid (defineHealthBands): ` +
          `(root): Expected a list of bands: ${shown}`,
      );
    }
  });

  it("refuses an entry that is not an object, at its index", () => {
    for (const band of ["noShowRate", null, 0.1, [good]])
      expect(issuesOf(band)).toEqual([
        { code: "invalid_type", path: [0], message: "Expected a band: { metric, label, source, low?, high? }" },
      ]);
  });

  it("refuses an unknown metric, listing the known ones", () => {
    const expected = [{ code: "invalid_value", path: [0, "metric"], message: `Expected one of ${METRICS}` }];
    expect(issuesOf({ ...good, metric: "vibes" })).toEqual(expected);
    // Inherited keys are not metrics, and neither is a metric's name in another type.
    expect(issuesOf({ ...good, metric: "toString" })).toEqual(expected);
    expect(issuesOf({ ...good, metric: undefined })).toEqual(expected);
  });

  it("needs a label and a source with text, and text for each side's cause", () => {
    expect(issuesOf({ ...good, label: " ", source: 3 })).toEqual([
      { code: "invalid_type", path: [0, "label"], message: "Expected text" },
      { code: "invalid_type", path: [0, "source"], message: "Expected text" },
    ]);
    expect(issuesOf({ ...good, label: undefined })).toEqual([
      { code: "invalid_type", path: [0, "label"], message: "Expected text" },
    ]);
    expect(issuesOf({ ...good, below: 1, above: null })).toEqual([
      { code: "invalid_type", path: [0, "below"], message: "Expected text" },
      { code: "invalid_type", path: [0, "above"], message: "Expected text" },
    ]);
    // A cause may be empty: only its type is checked.
    expect(defineHealthBands([{ ...good, below: "", above: "" }])).toHaveLength(1);
  });

  it("needs each bound given to be a finite number", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "0.1", null]) {
      expect(issuesOf({ ...good, low: bad, high: 0.2 })).toEqual([
        { code: "invalid_type", path: [0, "low"], message: "Expected a finite number" },
      ]);
      expect(issuesOf({ ...good, high: bad })).toEqual([
        { code: "invalid_type", path: [0, "high"], message: "Expected a finite number" },
      ]);
    }
  });

  it("needs low, high or both", () => {
    expect(issuesOf({ ...good, high: undefined })).toEqual([
      { code: "too_small", path: [0], message: "A band needs low, high or both" },
    ]);
  });

  it("refuses low above high and takes low equal to high", () => {
    expect(issuesOf({ ...good, low: 0.3, high: 0.2 })).toEqual([
      { code: "invalid_range", path: [0, "high"], message: "Expected high at or above low" },
    ]);
    // A band of one value: anything else is outside it.
    const point = { ...good, low: 0.2, high: 0.2 };
    expect(defineHealthBands([point])).toEqual([point]);
  });

  it("takes a statistic only for the follow-up time, and only median or p90", () => {
    const followUp: HealthBand = { metric: "timeToFirstFollowUp", label: "Follow-up", high: 3_600_000, source: "ours" };
    const wrong = [
      {
        code: "invalid_value",
        path: [0, "statistic"],
        message: "Expected median or p90, for timeToFirstFollowUp only",
      },
    ];
    expect(issuesOf({ ...followUp, statistic: "mean" })).toEqual(wrong);
    expect(issuesOf({ ...followUp, statistic: null })).toEqual(wrong);
    expect(issuesOf({ ...good, statistic: "median" })).toEqual(wrong);
    for (const statistic of ["median", "p90"] as const)
      expect(defineHealthBands([{ ...followUp, statistic }])).toEqual([{ ...followUp, statistic }]);
  });

  it("lists every bad band's issues, each at its own index, in one refusal", () => {
    const error = refusal([good, "x", { ...good, high: 0.05, low: 0.5 }, good, { ...good, metric: "x", low: "0" }]);
    expect(error.issues).toEqual([
      { code: "invalid_type", path: [1], message: "Expected a band: { metric, label, source, low?, high? }" },
      { code: "invalid_range", path: [2, "high"], message: "Expected high at or above low" },
      { code: "invalid_value", path: [4, "metric"], message: `Expected one of ${METRICS}` },
      { code: "invalid_type", path: [4, "low"], message: "Expected a finite number" },
    ]);
  });
});
