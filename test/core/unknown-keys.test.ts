import { describe, expect, it } from "vitest";
import { unknownKeys } from "../../src/core/unknown-keys.js";

// The walker is reached through every parse function; these cases pin the edges a schema's output
// takes in practice: coerced primitives, nulls where the input had a record, lists where it had a
// record, Dates, and inherited keys.
describe("unknownKeys", () => {
  it("names a dropped key with its path and says it was dropped", () => {
    expect(unknownKeys({ brief: { note: "x", notes: "y" } }, { brief: { notes: "y" } })).toEqual([
      { code: "unknown_key", path: ["brief", "note"], message: '"note" is not a field of the model; it was dropped' },
    ]);
  });

  it("walks list items by index", () => {
    expect(unknownKeys({ list: [{ a: 1 }, { a: 1, extra: 2 }] }, { list: [{ a: 1 }, { a: 1 }] })).toEqual([
      expect.objectContaining({ path: ["list", 1, "extra"] }),
    ]);
  });

  it("finds nothing inside a value the schema coerced from text to a number", () => {
    // A string has index keys ("0", "1") that a number lacks: they are characters, not fields.
    expect(unknownKeys({ amount: "12" }, { amount: 12 })).toEqual([]);
  });

  it("finds nothing under a record the schema turned into null", () => {
    expect(unknownKeys({ owner: { id: "u1" } }, { owner: null })).toEqual([]);
  });

  it("finds nothing under a record the schema turned into a list", () => {
    expect(unknownKeys({ tags: { x: 1 } }, { tags: [1] })).toEqual([]);
  });

  it("reads a Date as a value, not a container of fields", () => {
    const input = Object.assign(new Date(0), { extra: 1 });
    expect(unknownKeys({ at: input }, { at: new Date(0) })).toEqual([]);
  });

  it("reads only the input's own keys, not its prototype's", () => {
    const input: unknown = Object.assign(Object.create({ inherited: 1 }) as object, { a: 1 });
    expect(unknownKeys(input, { a: 1 })).toEqual([]);
  });

  it("finds no fields in a primitive, even one with index keys", () => {
    expect(unknownKeys("ab", 5)).toEqual([]);
  });

  it("skips a key whose value is undefined", () => {
    expect(unknownKeys({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });
});
