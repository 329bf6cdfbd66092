import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVIDENCE_STATES, qualificationRecordSchema } from "../../src/qualification/index.js";
import { classCounts } from "../fixtures/class-counts.js";

// Keys that every object inherits are the ones a record parser gets wrong (it finds them on the
// prototype, or skips them): random identifiers almost never hit them, so they are drawn on purpose.
const INHERITED = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];
const criterionKey = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...INHERITED) },
);
const evidence = fc.record(
  { state: fc.constantFrom(...EVIDENCE_STATES), note: fc.constantFrom("CFO signs", "Go-live 2027-03-31") },
  { requiredKeys: ["state"] },
);
const record = fc.record({
  framework: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
  evidence: fc.dictionary(criterionKey, evidence, { maxKeys: 6 }),
});

describe("qualification record laws", () => {
  it("keeps every identifier key and its state, in order, inherited names included", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(record, ({ framework, evidence: byKey }) => {
        const parsed = qualificationRecordSchema.parse({ framework, evidence: byKey });
        expect(Object.keys(parsed.evidence)).toEqual(Object.keys(byKey));
        for (const [key, value] of Object.entries(byKey)) {
          expect(Object.hasOwn(parsed.evidence, key), key).toBe(true);
          expect(parsed.evidence[key]?.state).toBe(value.state);
        }
        seen.see(
          "an inherited name as a key",
          Object.keys(byKey).some((key) => INHERITED.includes(key)),
        );
        seen.see("two keys or more (order matters)", Object.keys(byKey).length >= 2);
      }),
      { numRuns: 300 },
    );
    // Expected per 300 runs: 135 and 199; each minimum sits where a run falls short less than once in a billion.
    seen.expectAtLeast({ "an inherited name as a key": 72, "two keys or more (order matters)": 140 });
  });

  it("accepts every well-formed record, refuses each kind of malformed one, and never throws", () => {
    // Each breakage is one the schema documents: a framework key in upper case, a criterion key that
    // does not start with a letter, a state not in EVIDENCE_STATES, a verdict version of 0.
    const breakages: readonly [string, (r: Record<string, unknown> & { evidence: object }) => unknown][] = [
      ["upper-case framework", (r) => ({ ...r, framework: "BANT" })],
      ["key not an identifier", (r) => ({ ...r, evidence: { ...r.evidence, "1st": { state: "noted" } } })],
      ["unknown state", (r) => ({ ...r, evidence: { ...r.evidence, budget: { state: "certain" } } })],
      [
        "verdict version 0",
        (r) => ({
          ...r,
          verdict: {
            status: "qualified",
            definitionId: "sql",
            definitionVersion: 0,
            evaluatedAt: "2026-11-21T15:00:00Z",
          },
        }),
      ],
    ];
    const input = fc.oneof(
      record.map((r) => ({ kind: "well-formed", value: r })),
      fc.tuple(record, fc.constantFrom(...breakages)).map(([r, [kind, broken]]) => ({ kind, value: broken(r) })),
      fc.anything().map((value) => ({ kind: "anything", value })),
    );
    const seen = classCounts();
    fc.assert(
      fc.property(input, ({ kind, value }) => {
        const { success } = qualificationRecordSchema.safeParse(value);
        if (kind === "well-formed") expect(success).toBe(true);
        else if (kind !== "anything") expect(success, kind).toBe(false);
        seen.see(kind);
      }),
      { numRuns: 600 },
    );
    // One third each: well-formed, broken (each way 50 times in 600), anything; minimums as above.
    seen.expectAtLeast({
      "well-formed": 128,
      anything: 118,
      ...Object.fromEntries(breakages.map(([kind]) => [kind, 15])),
    });
  });
});
