// A rubric with a negative maximum could score a brief below 0 (issue "Numbers right").
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { detectGenericNotes, scoreBrief, type Rubric } from "../../src/rubric/index.js";

describe("custom rubric bounds", () => {
  it("a criterion with a negative maximum is misuse", () => {
    // Maxima 100 and -50 total 50; a brief earning 0 and -50 would score 100 x -50 / 50 = -100.
    const rubric: Rubric = {
      id: "odd",
      grades: { strong: 80, acceptable: 50 },
      criteria: [
        { id: "notes", label: "Notes", max: 100, score: () => ({ points: 0, message: "none" }) },
        { id: "penalty", label: "Penalty", max: -50, score: () => ({ points: -50, message: "always" }) },
      ],
    };
    expect(() => scoreBrief({}, rubric)).toThrow(HandoffKitError);
  });

  it("points are clamped into 0..max, so a score stays within 0-100", () => {
    const rubric: Rubric = {
      id: "clamped",
      grades: { strong: 80, acceptable: 50 },
      criteria: [
        { id: "a", label: "A", max: 10, score: () => ({ points: -5, message: "below" }) },
        { id: "b", label: "B", max: 30, score: () => ({ points: 45, message: "above" }) },
      ],
    };
    // a counts 0 of 10, b 30 of 30: 30 / 40 = 75.
    expect(scoreBrief({}, rubric).score).toBe(75);
  });
});

describe("boilerplate words are counted once", () => {
  it("overlapping stock phrases do not make a specific note generic", () => {
    // "interested", "wants demo" and "interested, wants demo" overlap on three words, once counted as six.
    expect(detectGenericNotes("Wants demo; the reporting process is slow and painful").generic).toBe(false);
    expect(detectGenericNotes("Interested, wants demo; the reporting process is slow and painful").generic).toBe(false);
    expect(detectGenericNotes("Interested, wants demo").generic).toBe(true);
  });
});
