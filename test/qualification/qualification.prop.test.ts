import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BANT,
  calibrate,
  crosswalk,
  defineIcp,
  defineSqlDefinition,
  EVIDENCE_STATES,
  evaluateQualification,
  FRAMEWORKS,
  INTENT_SIGNAL_KINDS,
  scoreIcpFit,
  scoreIntent,
  type Evidence,
  type Framework,
} from "../../src/qualification/index.js";

const now = Date.UTC(2026, 10, 21);
const frameworks = Object.values(FRAMEWORKS) as Framework[];
const notes = ["Seemed interested", "Open to a chat", "$40k for Q1", "CFO Lee Park signs", "Go-live by March", "maybe later", ""];
const progressive = fc.constantFrom<"unknown" | "suggested" | "noted" | "validated">("unknown", "suggested", "noted", "validated");
const evidenceFor = (framework: Framework) =>
  fc.dictionary(fc.constantFrom(...framework.criteria.map((c) => c.key)), fc.record({ state: progressive, note: fc.constantFrom(...notes) }, { requiredKeys: ["state"] }));
const rank = { disqualified: 0, not_qualified: 1, qualified: 2 } as const;

describe("qualification laws", () => {
  it("adding evidence (a stronger state, more words in a note) never lowers a verdict", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...frameworks).chain((framework) =>
          fc.record({
            framework: fc.constant(framework),
            requirements: fc.dictionary(fc.constantFrom(...framework.criteria.map((c) => c.key)), fc.constantFrom<"suggested" | "noted" | "validated">("suggested", "noted", "validated"), { minKeys: 1 }),
            before: evidenceFor(framework),
            raise: fc.dictionary(fc.constantFrom(...framework.criteria.map((c) => c.key)), fc.tuple(fc.nat({ max: 3 }), fc.constantFrom(...notes))),
          }),
        ),
        ({ framework, requirements, before, raise }) => {
          const definition = defineSqlDefinition({ id: "law", version: 1, framework, requirements });
          const after: Record<string, Evidence> = { ...before };
          for (const [key, [steps, extra]] of Object.entries(raise)) {
            const current = before[key] ?? { state: "unknown" as const };
            const state = EVIDENCE_STATES[Math.min(3, EVIDENCE_STATES.indexOf(current.state) + steps)] as Evidence["state"];
            const note = `${current.note ?? ""}${extra === "" ? "" : ` ${extra}`}`.trim();
            after[key] = note === "" ? { ...current, state } : { ...current, state, note };
          }
          const verdict = (evidence: Record<string, Evidence>) => evaluateQualification(definition, { framework: framework.key, evidence }, { now }).status;
          expect(rank[verdict(after)]).toBeGreaterThanOrEqual(rank[verdict(before)]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("ICP and intent scores stay within [0, 100]", () => {
    const icp = defineIcp({
      id: "law",
      rules: [
        { kind: "employees", min: 50, max: 5_000, weight: 3 },
        { kind: "industry", include: ["software"], weight: 1 },
        { kind: "custom", label: "wild", weight: 2, match: (subject) => (subject.employees ?? 0) / 100 - 3 },
      ],
    });
    fc.assert(
      fc.property(fc.record({ employees: fc.nat({ max: 100_000 }), industry: fc.constantFrom("software", "retail") }, { requiredKeys: [] }), (subject) => {
        const { score } = scoreIcpFit(icp, subject);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
    const signal = fc.record({ kind: fc.constantFrom(...INTENT_SIGNAL_KINDS), at: fc.integer({ min: now - 400 * 86_400_000, max: now }).map((ms) => new Date(ms)), strength: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 200 }), (signals) => {
        const { score } = scoreIntent(signals, { now });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("intent decays: without new signals the score never rises as time passes", () => {
    const signal = fc.record({ kind: fc.constantFrom(...INTENT_SIGNAL_KINDS), at: fc.integer({ min: now - 100 * 86_400_000, max: now }).map((ms) => new Date(ms)) });
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 20 }), fc.integer({ min: 0, max: 60 * 86_400_000 }), (signals, later) => {
        expect(scoreIntent(signals, { now: now + later }).score).toBeLessThanOrEqual(scoreIntent(signals, { now }).score);
      }),
    );
  });

  it("kappa is 1 for identical graders and does not depend on which grader is which", () => {
    const bar = defineSqlDefinition({ id: "law", version: 1, framework: BANT, requirements: { need: "noted" } });
    const grade = fc.constantFrom<"met" | "not_met" | "unclear">("met", "not_met", "unclear");
    fc.assert(
      fc.property(fc.array(fc.tuple(grade, grade, grade), { minLength: 1, maxLength: 15 }), fc.integer({ min: 2, max: 3 }), (items, raters) => {
        const reviews = (order: number[]) => items.flatMap((grades, i) => order.slice(0, raters).map((r, slot) => ({ reviewer: `rater-${String(slot)}`, handoffId: `h${String(i)}`, grades: { need: grades[r] ?? "met" } })));
        const same = calibrate(bar, items.flatMap((grades, i) => Array.from({ length: raters }, (_, r) => ({ reviewer: `r${String(r)}`, handoffId: `h${String(i)}`, grades: { need: grades[0] } }))));
        expect(same.criteria.find((c) => c.key === "need")?.kappa).toBe(1);
        const forward = calibrate(bar, reviews([0, 1, 2])).criteria.find((c) => c.key === "need")?.kappa ?? Number.NaN;
        const swapped = calibrate(bar, reviews([1, 0, 2])).criteria.find((c) => c.key === "need")?.kappa ?? Number.NaN;
        const reversed = calibrate(bar, reviews(raters === 3 ? [2, 1, 0] : [1, 0, 2])).criteria.find((c) => c.key === "need")?.kappa ?? Number.NaN;
        expect(swapped).toBeCloseTo(forward, 12);
        expect(reversed).toBeCloseTo(forward, 12);
      }),
    );
  });

  it("a crosswalk round trip keeps the evidence of every criterion that maps exactly both ways", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom(...frameworks), fc.constantFrom(...frameworks)).chain(([from, to]) => fc.tuple(fc.constant(from), fc.constant(to), evidenceFor(from))),
        ([from, to, evidence]) => {
          const there = crosswalk({ framework: from.key, evidence }, from, to);
          const back = crosswalk(there.evidence, to, from);
          for (const out of there.mapped.filter((m) => m.fidelity === "exact")) {
            const returned = back.mapped.find((m) => m.from === out.to && m.fidelity === "exact");
            if (returned?.to === out.from) expect(back.evidence.evidence[out.from]).toEqual(evidence[out.from]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
