import { describe, expect, it } from "vitest";
import { fieldProblem, isValidDate, listOf, ofType, optional, shapeOf } from "../../src/core/shape.js";

describe("shape checks", () => {
  it("each check passes what it names and nothing else", () => {
    expect([new Date(0), new Date(Number.NaN), 0, "2026-01-01"].map(isValidDate)).toEqual([true, false, false, false]);
    expect(["a", 1, true, () => 1].map(ofType("string"))).toEqual([true, false, false, false]);
    expect(["a", 1, true, () => 1].map(ofType("function"))).toEqual([false, false, false, true]);
    expect([undefined, null, "a", 1].map(optional(ofType("string")))).toEqual([true, false, true, false]);
    expect([[], ["a", "b"], ["a", 1], "ab", { length: 0 }].map(listOf(ofType("string")))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const point = shapeOf({ x: ofType("number"), y: ofType("number") });
    expect([{ x: 1, y: 2 }, { x: 1, y: 2, z: "other fields are not read" }, { x: 1 }, null, [1, 2]].map(point)).toEqual(
      [true, true, false, false, false],
    );
  });

  it("fieldProblem names the first field that fails, under its path, or the value itself", () => {
    const fields = { id: ofType("string"), at: isValidDate };
    expect(fieldProblem({ id: "a", at: new Date(0) }, fields, "")).toBeUndefined();
    expect(fieldProblem({ id: 1, at: 0 }, fields, "")).toBe("id is 1");
    expect(fieldProblem({ id: "a", at: 0 }, fields, "events[2]")).toBe("events[2].at is 0");
    expect(fieldProblem(null, fields, "")).toBe("it is null");
    expect(fieldProblem("x", fields, "events[0]")).toBe("events[0] is x");
  });
});
