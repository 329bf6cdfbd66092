import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Brief, Prospect } from "../../src/handoff/index.js";
import { DEFAULT_RUBRIC, sampleForReview, scoreBrief } from "../../src/rubric/index.js";

const text = fc.constantFrom("Board pack takes 3 days a month", "CFO Lee Park signs", "Interested, wants demo", "Wants to learn more", "Before March 31", "ok", "Hiring two analysts");
const brief: fc.Arbitrary<Brief> = fc.record(
  {
    notes: text,
    quotes: fc.array(text, { maxLength: 2 }),
    discovery: fc.record({ prospectRole: text, prompt: text, problem: text }, { requiredKeys: [] }),
    icpFit: fc.record({ signal: text, verified: fc.boolean() }, { requiredKeys: [] }),
    trigger: fc.record({ kind: fc.constantFrom("funding" as const, "new_hire" as const), timing: text }, { requiredKeys: ["kind"] }),
    techStack: fc.record({ inUse: fc.array(text, { maxLength: 2 }) }, { requiredKeys: [] }),
    budget: fc.record({ controller: text, allocated: fc.constantFrom("yes" as const, "no" as const, "unknown" as const) }, { requiredKeys: [] }),
    stakeholders: fc.array(fc.record({ name: text, role: fc.constant("economic_buyer" as const) }), { maxLength: 2 }),
    nextStep: fc.record({ inProspectWords: text }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const prospect = fc.option(fc.record({ name: fc.constant("Dana Ruiz"), role: fc.constantFrom("user" as const, "champion" as const), influence: fc.constantFrom("none" as const, "high" as const) }), { nil: undefined });
const score = (b: Brief, p: Prospect | undefined) => scoreBrief(b, DEFAULT_RUBRIC, p === undefined ? {} : { prospect: p }).score;

describe("rubric laws", () => {
  it("a score is within [0, 100] and every criterion within its maximum", () => {
    fc.assert(
      fc.property(brief, prospect, (b, p) => {
        const result = scoreBrief(b, DEFAULT_RUBRIC, p === undefined ? {} : { prospect: p });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        for (const finding of result.findings) {
          expect(finding.points).toBeGreaterThanOrEqual(0);
          expect(finding.points).toBeLessThanOrEqual(finding.max);
        }
      }),
    );
  });

  it("adding a required field never lowers the score", () => {
    const additions: ((b: Brief) => Brief)[] = [
      (b) => ({ ...b, notes: b.notes ?? "Board pack takes 3 days a month" }),
      (b) => ({ ...b, discovery: { ...b.discovery, problem: b.discovery?.problem ?? "Forecast is off by 20%" } }),
      (b) => ({ ...b, icpFit: { ...b.icpFit, signal: b.icpFit?.signal ?? "Hiring two analysts" } }),
      (b) => ({ ...b, trigger: b.trigger ?? { kind: "funding" } }),
      (b) => ({ ...b, trigger: { ...(b.trigger ?? { kind: "funding" }), timing: b.trigger?.timing ?? "Before March 31" } }),
      (b) => ({ ...b, techStack: { ...b.techStack, inUse: b.techStack?.inUse?.length ? b.techStack.inUse : ["Salesforce"] } }),
      (b) => ({ ...b, budget: { ...b.budget, controller: b.budget?.controller ?? "CFO Lee Park" } }),
    ];
    fc.assert(
      fc.property(brief, prospect, fc.nat({ max: additions.length - 1 }), (b, p, which) => {
        const add = additions[which];
        if (add === undefined) return;
        expect(score(add(b), p)).toBeGreaterThanOrEqual(score(b, p));
      }),
    );
  });

  it("a generic note never raises the score", () => {
    fc.assert(
      fc.property(brief, prospect, fc.constantFrom("Interested, wants demo", "Wants to learn more", "Good call, send info", "ok"), (b, p, generic) => {
        const { notes: _notes, ...without } = b;
        expect(score({ ...without, notes: generic }, p)).toBeLessThanOrEqual(score(without, p));
      }),
    );
  });

  it("the review sample is reproducible for a seed, and the same from any subset that holds it", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^h-[0-9a-z]{1,6}$/), { maxLength: 40 }), fc.integer(), fc.array(fc.boolean(), { maxLength: 40 }), (ids, seed, keep) => {
        const all = ids.map((id) => ({ id }));
        const sample = sampleForReview(all, { seed });
        expect(sampleForReview([...all].reverse(), { seed })).toEqual(sample);
        const subset = all.filter((item, i) => keep[i] === true || sample.includes(item));
        expect(sampleForReview(subset, { seed })).toEqual(sample);
      }),
    );
  });
});
