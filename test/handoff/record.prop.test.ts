import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHandoff, parseHandoffs, type Handoff } from "../../src/handoff/index.js";
import { handoffInput, rewriteInstants, utcOffset } from "../fixtures/arbitraries.js";

const parsed = (input: unknown): Handoff => {
  const result = parseHandoff(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe("record model laws", () => {
  it("every generated valid record parses", () => {
    fc.assert(fc.property(handoffInput, (input) => parseHandoff(input).ok));
  });

  it("an instant means the same whether written as a Date, epoch ms, or ISO with Z or any offset", () => {
    fc.assert(
      fc.property(
        handoffInput,
        fc.constantFrom<"date" | "iso_z" | "iso_offset">("date", "iso_z", "iso_offset"),
        utcOffset,
        (input, form, offset) => {
          expect(parsed(rewriteInstants(input, form, offset))).toEqual(parsed(input));
        },
      ),
    );
  });

  it("parsing is idempotent, and survives a JSON round trip", () => {
    fc.assert(
      fc.property(handoffInput, (input) => {
        const once = parsed(input);
        expect(parsed(once)).toEqual(once);
        expect(parsed(JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
    );
  });

  it("never throws on any input, and never mutates it", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withNullPrototype: true }), (input) => {
        const before = structuredCloneOrSelf(input);
        parseHandoff(input);
        expect(input).toEqual(before);
      }),
    );
  });

  it("a batch partitions its input: each index is valid or invalid, valid ones equal one-by-one parsing", () => {
    const record = fc.oneof(handoffInput, fc.anything());
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (inputs) => {
        const { valid, invalid } = parseHandoffs(inputs);
        const indexes = [...valid.map((v) => v.index), ...invalid.map((i) => i.index)].sort((a, b) => a - b);
        expect(indexes).toEqual(inputs.map((_, index) => index));
        for (const { index, value } of valid) expect(value).toEqual(parsed(inputs[index]));
        for (const { index, issues } of invalid) {
          expect(parseHandoff(inputs[index]).ok).toBe(false);
          expect(issues.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

function structuredCloneOrSelf(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
