import { describe, expect, it } from "vitest";
import {
  optionsOf,
  requireEach,
  requireList,
  requireNumbers,
  requireObject,
  requireWholeNumber,
} from "../../src/core/guards.js";
import { refusal } from "../fixtures/refusal.js";

// The shape checks every public function runs on arguments from untyped callers: each names the
// function, the argument and what it was given.
describe("argument guards", () => {
  it("requireObject takes an object and names anything else", () => {
    expect(
      refusal(() => {
        requireObject({}, "scoreboard", "options");
      }),
    ).toBe("no error");
    expect(
      refusal(() => {
        requireObject([], "scoreboard", "options");
      }),
    ).toBe("invalid_argument (scoreboard: options must be an object: an array)");
    expect(
      refusal(() => {
        requireObject(null, "scoreboard", "options");
      }),
    ).toBe("invalid_argument (scoreboard: options must be an object: null)");
  });

  it("requireList takes an array and names anything else", () => {
    expect(
      refusal(() => {
        requireList([], "calibrate", "reviews");
      }),
    ).toBe("no error");
    expect(
      refusal(() => {
        requireList("x", "calibrate", "reviews");
      }),
    ).toBe("invalid_argument (calibrate: reviews must be an array: x)");
  });

  it("requireEach names the first item that fails, by index", () => {
    const isText = (item: unknown): boolean => typeof item === "string";
    expect(
      refusal(() => {
        requireEach(["a", "b"], isText, "f", "ids", "must be a string");
      }),
    ).toBe("no error");
    expect(
      refusal(() => {
        requireEach(["a", 2, null], isText, "f", "ids", "must be a string");
      }),
    ).toBe("invalid_argument (f: ids[1] must be a string: 2)");
  });

  it("optionsOf treats undefined as no options and refuses anything but an object", () => {
    expect(optionsOf(undefined, "f")).toEqual({});
    const given = { now: 1 };
    expect(optionsOf(given, "f")).toBe(given);
    expect(refusal(() => optionsOf(5 as never, "summarize"))).toBe(
      "invalid_argument (summarize: options must be an object: 5)",
    );
  });

  it("requireNumbers names the first value that is not a number, and lets NaN through", () => {
    expect(
      refusal(() => {
        requireNumbers("f", { a: 1, b: Number.NaN });
      }),
    ).toBe("no error");
    expect(
      refusal(() => {
        requireNumbers("zScore", { confidence: "0.95" });
      }),
    ).toBe("invalid_argument (zScore: confidence must be a number: 0.95)");
  });
});

describe("requireWholeNumber", () => {
  it("takes a whole number within the bounds given, and names the value and the range otherwise", () => {
    const whole =
      (...args: Parameters<typeof requireWholeNumber>) =>
      () => {
        requireWholeNumber(...args);
      };
    expect(refusal(whole(0, "f: n", 0))).toBe("no error");
    expect(refusal(whole(520, "f: weeks", 4, 520))).toBe("no error");
    expect(refusal(whole(-7, "f: seed"))).toBe("no error");
    expect(refusal(whole(-1, "f: n", 0))).toBe("invalid_argument (f: n must be a whole number, 0 or more: -1)");
    expect(refusal(whole(521, "f: weeks", 4, 520))).toBe(
      "invalid_argument (f: weeks must be a whole number from 4 to 520: 521)",
    );
    expect(refusal(whole(1.5, "f: seed"))).toBe("invalid_argument (f: seed must be a whole number: 1.5)");
    expect(refusal(whole(Number.NaN, "f: n", 0))).toBe(
      "invalid_argument (f: n must be a whole number, 0 or more: NaN)",
    );
    expect(refusal(whole("3", "f: n", 0))).toBe("invalid_argument (f: n must be a whole number, 0 or more: 3)");
    // An upper bound alone is named as one.
    expect(refusal(whole(6, "f: n", undefined, 5))).toBe(
      "invalid_argument (f: n must be a whole number, 5 or less: 6)",
    );
    expect(refusal(whole(5, "f: n", undefined, 5))).toBe("no error");
  });
});
