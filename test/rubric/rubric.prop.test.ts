import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEAL_ROLES, INFLUENCE_LEVELS, type Brief, type Prospect } from "../../src/handoff/index.js";
import { DEFAULT_RUBRIC, sampleForReview, scoreBrief } from "../../src/rubric/index.js";
import { classCounts } from "../fixtures/class-counts.js";

// The oracle of these laws is written here, from docs/rubric.md's table and the TSDoc, not read from
// src/rubric: each text the generators use is labelled by hand (is it boilerplate, is it specific,
// does it hold a closed quotation), and each criterion's points are worked out from those labels.
// A law that only restated the score's clamp to [0, 100] could not fail; these can.

interface Sample {
  readonly text: string;
  /**
   * Boilerplate: under six words, or stock phrases with nothing specific and fewer than six other
   * words beside them (docs/rubric.md; detectGenericNotes' TSDoc leaves out the six-word allowance).
   */
  readonly generic: boolean;
  /** A number, a date or time frame, a name, a role or a quotation mark. */
  readonly specific: boolean;
  /** Holds a closed quotation. */
  readonly quoted: boolean;
}

const SAMPLES: readonly Sample[] = [
  { text: "Board pack takes 3 days a month", generic: false, specific: true, quoted: false }, // 7 words, a number
  { text: 'She said "we rebuild the deck by hand" each week', generic: false, specific: true, quoted: true },
  // 8 words, 2 of them stock ("seemed interested", which overlaps the stock "interested": each word
  // counts once): 6 left, just enough; nothing specific.
  { text: "Seemed interested in a tool for the team", generic: false, specific: false, quoted: false },
  // One word fewer: 5 left beside the stock phrase, so boilerplate.
  { text: "Seemed interested in a tool for us", generic: true, specific: false, quoted: false },
  // Seven words, all of them stock phrases.
  { text: "Interested, wants demo, good call, send info", generic: true, specific: false, quoted: false },
  { text: 'He said "ok"', generic: true, specific: true, quoted: true }, // a quotation, but 3 words
  { text: "CFO Lee Park signs", generic: true, specific: true, quoted: false }, // 4 words
  { text: "Before March 31", generic: true, specific: true, quoted: false },
  { text: "Hiring two analysts", generic: true, specific: true, quoted: false },
  { text: "Interested, wants demo", generic: true, specific: false, quoted: false },
  { text: "Wants to learn more", generic: true, specific: false, quoted: false },
  { text: "ok", generic: true, specific: false, quoted: false },
  { text: "   ", generic: true, specific: false, quoted: false }, // blank: no text at all
];
const label = (text: string): Sample => {
  const found = SAMPLES.find((sample) => sample.text === text);
  if (found === undefined) throw new Error(`unlabelled text ${text}`);
  return found;
};
const has = (text: string | undefined): text is string => text !== undefined && text.trim().length > 0;
const usable = (notes: string | undefined): boolean => has(notes) && !label(notes).generic;

const text = fc.constantFrom(...SAMPLES.map((sample) => sample.text));
const briefFields = {
  notes: text,
  quotes: fc.array(text, { maxLength: 2 }),
  discovery: fc.record({ prospectRole: text, prompt: text, problem: text }, { requiredKeys: [] }),
  icpFit: fc.record({ signal: text, verified: fc.boolean() }, { requiredKeys: [] }),
  trigger: fc.record(
    { kind: fc.constantFrom("funding" as const, "new_hire" as const), timing: text },
    { requiredKeys: ["kind"] },
  ),
  techStack: fc.record({ inUse: fc.array(text, { maxLength: 2 }) }, { requiredKeys: [] }),
  budget: fc.record(
    {
      controller: text,
      allocated: fc.constantFrom("yes" as const, "no" as const, "unknown" as const),
      buyingProcess: text,
    },
    { requiredKeys: [] },
  ),
  stakeholders: fc.array(fc.record({ name: text, role: fc.constant("economic_buyer" as const) }), { maxLength: 2 }),
  nextStep: fc.record({ inProspectWords: text }, { requiredKeys: [] }),
};
// Sparse briefs reach the missing fields; briefs with every field (their values still drawn from the
// labelled texts, so still often boilerplate or vague) reach the strong grade.
const brief: fc.Arbitrary<Brief> = fc.oneof(fc.record(briefFields, { requiredKeys: [] }), fc.record(briefFields));
const prospect: fc.Arbitrary<Prospect | undefined> = fc.option(
  fc.record(
    {
      name: fc.constant("Dana Ruiz"),
      role: fc.constantFrom(...DEAL_ROLES),
      influence: fc.constantFrom(...INFLUENCE_LEVELS),
      pathToBuyer: text,
    },
    { requiredKeys: ["name", "role"] },
  ),
  { nil: undefined },
);
const scoreOf = (b: Brief, p: Prospect | undefined) =>
  scoreBrief(b, DEFAULT_RUBRIC, p === undefined ? {} : { prospect: p });

const budgetSignal = (b: Brief): boolean =>
  has(b.budget?.controller) ||
  b.budget?.allocated === "yes" ||
  b.budget?.allocated === "no" ||
  has(b.budget?.buyingProcess);
const quoted = (b: Brief): boolean => (b.quotes ?? []).some(has) || (usable(b.notes) && label(b.notes ?? "").quoted);
const influential = (p: Prospect | undefined): boolean =>
  p !== undefined &&
  (p.influence === "high" ||
    p.influence === "medium" ||
    ["economic_buyer", "decision_maker", "champion"].includes(p.role) ||
    has(p.pathToBuyer));

/** The nine required fields (docs/rubric.md: the weak brief with only a tech stack scores 1.67 of 15, one ninth). */
const REQUIRED: readonly ((b: Brief) => boolean)[] = [
  (b) => usable(b.notes), // boilerplate notes count as missing
  (b) => has(b.discovery?.prospectRole),
  (b) => has(b.discovery?.prompt),
  (b) => has(b.discovery?.problem),
  (b) => has(b.icpFit?.signal),
  (b) => b.trigger !== undefined,
  (b) => has(b.trigger?.timing),
  (b) => (b.techStack?.inUse ?? []).some(has),
  budgetSignal,
];

/** Each criterion's points, from docs/rubric.md's table. */
function expectedPoints(b: Brief, p: Prospect | undefined): Record<string, number> {
  const signal = b.icpFit?.signal;
  return {
    icp_signal: !has(signal) ? 0 : !label(signal).specific ? 7 : b.icpFit?.verified !== true ? 10 : 15,
    quotes: quoted(b) ? 15 : 0,
    trigger_timing: b.trigger === undefined ? 0 : has(b.trigger.timing) ? 15 : 8,
    stack_budget: ((b.techStack?.inUse ?? []).some(has) ? 7 : 0) + (budgetSignal(b) ? 8 : 0),
    required_fields: (15 * REQUIRED.filter((present) => present(b)).length) / REQUIRED.length,
    specific_notes: usable(b.notes) ? 10 : 0,
    influence: influential(p) ? 10 : 0,
    next_step: has(b.nextStep?.inProspectWords) ? 10 : 0,
    stakeholders: (b.stakeholders ?? []).length > 0 ? 5 : 0,
  };
}

describe("rubric laws", () => {
  it("each criterion scores as documented, and the score is their sum over 110, normalised to 100", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(brief, prospect, (b, p) => {
        const expected = expectedPoints(b, p);
        const result = scoreOf(b, p);
        expect(Object.fromEntries(result.findings.map((finding) => [finding.criterion, finding.points]))).toEqual(
          Object.fromEntries(
            Object.entries(expected).map(([criterion, points]) => [criterion, expect.closeTo(points, 12)]),
          ),
        );
        const total = Object.values(expected).reduce((sum, points) => sum + points, 0);
        expect(result.score).toBeCloseTo((100 * total) / 110, 9);
        // Strong from 80 of 100 (88 of 110 points), acceptable from 60 (66 points).
        const grade = total >= 88 ? "strong" : total >= 66 ? "acceptable" : "weak";
        expect(result.grade).toBe(grade);
        // The partial credits and the paths that are easy to get wrong must all occur.
        seen.see(`grade ${grade}`);
        seen.see("icp vague (7)", expected["icp_signal"] === 7);
        seen.see("icp assumed (10)", expected["icp_signal"] === 10);
        seen.see("icp verified (15)", expected["icp_signal"] === 15);
        seen.see("trigger without timing (8)", expected["trigger_timing"] === 8);
        seen.see("stack only (7)", expected["stack_budget"] === 7);
        seen.see("budget only (8)", expected["stack_budget"] === 8);
        seen.see("quote only in usable notes", !(b.quotes ?? []).some(has) && quoted(b));
        seen.see(
          "quote in boilerplate notes, not counted",
          !(b.quotes ?? []).some(has) && has(b.notes) && label(b.notes).quoted && !usable(b.notes),
        );
        seen.see(
          "boilerplate notes of six words or more",
          b.notes !== undefined && label(b.notes).generic && b.notes.split(/\W+/u).filter(Boolean).length >= 6,
        );
        seen.see("notes at the six-word edge, usable", b.notes === "Seemed interested in a tool for the team");
        seen.see(
          "influence by path to buyer only",
          p?.pathToBuyer !== undefined && has(p.pathToBuyer) && !influential({ ...p, pathToBuyer: "" }),
        );
        seen.see("no prospect", p === undefined);
        seen.see(
          "every required field",
          REQUIRED.every((present) => present(b)),
        );
      }),
      { numRuns: 1_000 },
    );
    // Minimums sit where a run falls short less than once in a billion (rates measured over 20,000 runs).
    seen.expectAtLeast({
      "grade weak": 320,
      "grade acceptable": 361,
      "grade strong": 57,
      "icp vague (7)": 257,
      "icp assumed (10)": 120,
      "icp verified (15)": 77,
      "trigger without timing (8)": 130,
      "stack only (7)": 12,
      "budget only (8)": 348,
      "quote only in usable notes": 2,
      "quote in boilerplate notes, not counted": 3,
      "boilerplate notes of six words or more": 80,
      "notes at the six-word edge, usable": 25,
      "influence by path to buyer only": 155,
      "no prospect": 85,
      "every required field": 1,
    });
  });

  it("the score rises strictly when a field is added to a brief that lacks it, and never falls", () => {
    // Each addition names the field it adds, whether a brief lacks it (from the labels), how to strip
    // it (so that half the draws lack it), and how to add it.
    type Addition = {
      name: string;
      lacks: (b: Brief, p: Prospect | undefined) => boolean;
      strip: (b: Brief, p: Prospect | undefined) => [Brief, Prospect | undefined];
      add: (b: Brief, p: Prospect | undefined) => [Brief, Prospect | undefined];
    };
    const additions: readonly Addition[] = [
      {
        name: "notes",
        lacks: (b) => !usable(b.notes),
        strip: ({ notes: _n, ...b }, p) => [b, p],
        add: (b, p) => [{ ...b, notes: 'She said "we rebuild the deck by hand" each week' }, p],
      },
      {
        name: "quotes",
        lacks: (b) => !quoted(b),
        strip: ({ quotes: _q, notes: _n, ...b }, p) => [b, p],
        add: (b, p) => [{ ...b, quotes: [...(b.quotes ?? []), "We rebuild the deck by hand"] }, p],
      },
      {
        name: "problem",
        lacks: (b) => !has(b.discovery?.problem),
        strip: ({ discovery, ...b }, p) => [{ ...b, discovery: { ...discovery, problem: "   " } }, p],
        add: (b, p) => [{ ...b, discovery: { ...b.discovery, problem: "Forecast is off by 20%" } }, p],
      },
      {
        name: "icp signal",
        lacks: (b) => expectedPoints(b, undefined)["icp_signal"] !== 15,
        strip: ({ icpFit: _i, ...b }, p) => [b, p],
        add: (b, p) => [{ ...b, icpFit: { signal: "Hiring two analysts", verified: true } }, p],
      },
      {
        name: "trigger",
        lacks: (b) => b.trigger === undefined,
        strip: ({ trigger: _t, ...b }, p) => [b, p],
        add: (b, p) => [{ ...b, trigger: b.trigger ?? { kind: "funding" } }, p],
      },
      {
        name: "timing",
        lacks: (b) => !has(b.trigger?.timing),
        strip: ({ trigger, ...b }, p) => [trigger === undefined ? b : { ...b, trigger: { kind: trigger.kind } }, p],
        add: (b, p) => [{ ...b, trigger: { ...(b.trigger ?? { kind: "funding" }), timing: "Before March 31" } }, p],
      },
      {
        name: "stack",
        lacks: (b) => !(b.techStack?.inUse ?? []).some(has),
        strip: ({ techStack: _s, ...b }, p) => [b, p],
        add: (b, p) => [{ ...b, techStack: { inUse: [...(b.techStack?.inUse ?? []), "Salesforce"] } }, p],
      },
      {
        name: "budget",
        lacks: (b) => !budgetSignal(b),
        strip: (b, p) => [{ ...b, budget: { allocated: "unknown" } }, p],
        add: (b, p) => [{ ...b, budget: { ...b.budget, controller: "CFO Lee Park" } }, p],
      },
      {
        name: "next step",
        lacks: (b) => !has(b.nextStep?.inProspectWords),
        strip: ({ nextStep: _s, ...b }, p) => [b, p],
        add: (b, p) => [{ ...b, nextStep: { inProspectWords: "Show me the board pack" } }, p],
      },
      {
        name: "stakeholders",
        lacks: (b) => (b.stakeholders ?? []).length === 0,
        strip: (b, p) => [{ ...b, stakeholders: [] }, p],
        add: (b, p) => [{ ...b, stakeholders: [{ name: "Lee Park", role: "economic_buyer" }] }, p],
      },
      {
        name: "path to buyer",
        lacks: (_b, p) => !influential(p),
        strip: (b) => [b, { name: "Sam Lee", role: "user", influence: "low" }],
        add: (b, p) => [b, { name: "Dana Ruiz", role: "user", ...p, pathToBuyer: "Reports to the CFO" }],
      },
    ];
    const seen = classCounts();
    fc.assert(
      fc.property(
        brief,
        prospect,
        fc.nat({ max: additions.length - 1 }),
        fc.boolean(),
        (drawn, drawnProspect, which, strip) => {
          const addition = additions[which]!;
          const [b, p] = strip ? addition.strip(drawn, drawnProspect) : [drawn, drawnProspect];
          const [b2, p2] = addition.add(b, p);
          const before = scoreOf(b, p).score;
          const after = scoreOf(b2, p2).score;
          const lacking = addition.lacks(b, p);
          seen.see(`lacks ${addition.name}`, lacking);
          if (lacking) expect(after).toBeGreaterThan(before);
          else expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 1_000 },
    );
    // Each field is lacking in 42 to 100 of 1,000 runs; fewer than 10 happens less than once in a billion.
    seen.expectAtLeast(Object.fromEntries(additions.map((addition) => [`lacks ${addition.name}`, 10])));
  });

  it("a boilerplate note scores exactly as no note; a specific one scores strictly more", () => {
    const boilerplate = SAMPLES.filter((sample) => sample.generic && has(sample.text));
    const seen = classCounts();
    fc.assert(
      fc.property(
        brief,
        prospect,
        fc.constantFrom(...boilerplate),
        fc.constantFrom(...SAMPLES.filter((sample) => !sample.generic)),
        (b, p, generic, specific) => {
          const { notes: _notes, ...without } = b;
          const bare = scoreOf(without, p);
          const withGeneric = scoreOf({ ...without, notes: generic.text }, p);
          expect(withGeneric.findings.map((finding) => finding.points)).toEqual(
            bare.findings.map((finding) => finding.points),
          );
          expect(withGeneric.score).toBe(bare.score);
          expect(scoreOf({ ...without, notes: specific.text }, p).score).toBeGreaterThan(bare.score);
          // Boilerplate that would raise the score if it were mistaken for notes: long enough, specific,
          // or quoting someone in a brief with no other quote.
          seen.see("boilerplate of six words or more", generic.text.split(/\W+/u).filter(Boolean).length >= 6);
          seen.see("boilerplate that is specific", generic.specific);
          seen.see("quoted boilerplate, brief has no quote", generic.quoted && !(b.quotes ?? []).some(has));
        },
      ),
      { numRuns: 500 },
    );
    // Expected per 500 runs: 111, 222 and 24.
    seen.expectAtLeast({
      "boilerplate of six words or more": 55,
      "boilerplate that is specific": 150,
      "quoted boilerplate, brief has no quote": 1,
    });
  });

  it("the review sample: reproducible for a seed, the same from any subset holding it, head of a larger one", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^h-[0-9a-z]{1,6}$/), { maxLength: 40, size: "medium" }),
        fc.integer(),
        fc.array(fc.boolean(), { maxLength: 40, size: "medium" }),
        fc.nat({ max: 8 }),
        (ids, seed, keep, size) => {
          const all = ids.map((id) => ({ id }));
          const sample = sampleForReview(all, { seed });
          expect(sample).toHaveLength(Math.min(5, all.length));
          expect(new Set(sample).size).toBe(sample.length);
          for (const item of sample) expect(all).toContain(item);
          expect(sampleForReview([...all].reverse(), { seed })).toEqual(sample);
          const subset = all.filter((item, i) => keep[i] === true || sample.includes(item));
          expect(sampleForReview(subset, { seed })).toEqual(sample);
          // The lowest ranks are taken: a smaller sample is the head of a larger one.
          const small = sampleForReview(all, { seed, size });
          expect(sampleForReview(all, { seed, size: size + 3 }).slice(0, small.length)).toEqual(small);
          // The seed decides the sample: with ten or more handoffs, two seeds pick the same five in the
          // same order about once in 30,000 draws (an order by id alone would pick them every time).
          seen.see("ten or more", all.length >= 10);
          seen.see(
            "ten or more, next seed picks another sample",
            all.length >= 10 && JSON.stringify(sampleForReview(all, { seed: seed + 1 })) !== JSON.stringify(sample),
          );
          seen.see("sample leaves some out", all.length > 5);
          seen.see(
            "subset strictly between sample and all",
            subset.length > sample.length && subset.length < all.length,
          );
        },
      ),
      { numRuns: 300 },
    );
    const big = seen.count("ten or more");
    expect(seen.count("ten or more, next seed picks another sample")).toBeGreaterThanOrEqual(big - 3);
    // Expected per 300 runs: 200 with ten or more, 246 and 214.
    seen.expectAtLeast({
      "ten or more": 140,
      "sample leaves some out": 166,
      "subset strictly between sample and all": 136,
    });
  });
});
