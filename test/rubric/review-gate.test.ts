import { describe, expect, it } from "vitest";
import { handoffSchema, type Brief, type Handoff } from "../../src/handoff/index.js";
import { BANT, defineFramework, defineSqlDefinition } from "../../src/qualification/index.js";
import { bookingGate, DEFAULT_RUBRIC, pickWalkthroughs, sampleForReview, type Rubric } from "../../src/rubric/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const good: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const withBrief = (id: string, brief: Brief): Handoff => ({ ...good, id, brief });

describe("sampleForReview refuses what it cannot sample", () => {
  const few = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("names the bad argument", () => {
    expect(() => sampleForReview("abc" as unknown as { id: string }[], { seed: 1 })).toThrow(
      "(sampleForReview: handoffs must be an array: abc)",
    );
    expect(() => sampleForReview([{ id: "a" }, { id: 2 }] as unknown as { id: string }[], { seed: 1 })).toThrow(
      "(sampleForReview: handoffs[1] must have a string id: an object)",
    );
    expect(() => sampleForReview([{ id: "a" }, null] as unknown as { id: string }[], { seed: 1 })).toThrow(
      "(sampleForReview: handoffs[1] must have a string id: null)",
    );
    expect(() => sampleForReview(few, null as unknown as { seed: number })).toThrow(
      "(sampleForReview: options must be an object: null)",
    );
    expect(() => sampleForReview(few, { seed: 1, size: -1 })).toThrow(
      "(sampleForReview: options.size must be a whole number, 0 or more: -1)",
    );
    expect(() => sampleForReview(few, { seed: 1, size: 2.5 })).toThrow(
      "(sampleForReview: options.size must be a whole number, 0 or more: 2.5)",
    );
    expect(() => sampleForReview(few, { seed: 1.5 })).toThrow(
      "(sampleForReview: options.seed must be a whole number: 1.5)",
    );
    expect(() => sampleForReview(few, {} as { seed: number })).toThrow(
      "(sampleForReview: options.seed must be a whole number: undefined)",
    );
  });
  it("takes a size from 0 up, and all when asked for more than there are", () => {
    expect(sampleForReview(few, { seed: 1, size: 0 })).toEqual([]);
    expect(
      sampleForReview(few, { seed: 1, size: 10 })
        .map((item) => item.id)
        .sort(),
    ).toEqual(["a", "b", "c"]);
    expect(sampleForReview(few, { seed: -3, size: 1 })).toHaveLength(1);
  });
});

describe("pickWalkthroughs: the best and the worst brief, and why", () => {
  // good.brief minus the verified ICP fit (10 of 15), the trigger's timing (8 of 15), the next step
  // (0 of 10) and the stakeholders (0 of 5); the timing is a required field, so required_fields
  // earns 15 x 8/9. Points lost: next_step 10, trigger_timing 7, icp_signal 5, stakeholders 5,
  // required_fields 5/3.
  const middling: Brief = {
    ...good.brief,
    icpFit: { signal: "Hiring two RevOps analysts" },
    trigger: { kind: "new_hire", description: "New CRO in October" },
    nextStep: undefined,
    stakeholders: [],
  };

  it("says what the strong one does (its first three full marks) and what the weak one lost most", () => {
    const { strong, weak } = pickWalkthroughs([withBrief("h-2", middling), withBrief("h-1", good.brief)]);
    expect(strong?.handoff.id).toBe("h-1");
    // The prospect is passed: the champion's influence earns its 10 points, so the score is 100.
    expect(strong?.score.score).toBe(100);
    expect(strong?.messages).toEqual([
      "A specific, verified ICP signal",
      "The prospect's own words are captured",
      "A named trigger with its timing",
    ]);
    expect(weak?.handoff.id).toBe("h-2");
    // 110 - 10 - 7 - 5 - 5 - 5/3 = 81 1/3 of 110.
    expect(weak?.score.score).toBeCloseTo((100 * (110 - 27 - 5 / 3)) / 110, 9);
    expect(weak?.messages).toEqual([
      "No next step in the prospect's words (fix: Write down what the prospect agreed to, as they said it)",
      "A trigger without timing (fix: Add when it has to happen, and what sets that date)",
      // Equal losses keep the rubric's order: icp_signal before stakeholders.
      "ICP fit is assumed, not verified (fix: Check the fit against enrichment data or with the prospect)",
    ]);
  });

  it("lists only full marks as strengths and only lost points as losses, leaving the scores as scored", () => {
    // middling misses full marks on icp_signal (the first criterion): its strengths skip it.
    const { strong } = pickWalkthroughs([withBrief("h-2", middling), withBrief("h-3", {})]);
    expect(strong?.handoff.id).toBe("h-2");
    const full = new Set(strong?.score.findings.filter((f) => f.points === f.max).map((f) => f.message));
    expect(strong?.messages).toHaveLength(3);
    expect(strong?.messages.every((reason) => full.has(reason))).toBe(true);
    // One criterion short of full (no stakeholders): one loss, not three.
    const { weak } = pickWalkthroughs([
      withBrief("h-1", good.brief),
      withBrief("h-4", { ...good.brief, stakeholders: [] }),
    ]);
    expect(weak?.handoff.id).toBe("h-4");
    expect(weak?.messages).toEqual(["No stakeholders named (fix: Name the other people involved and their roles)"]);
    // The findings stay in the rubric's order: the losses are sorted on a copy.
    expect(weak?.score.findings.map((f) => f.criterion)).toEqual(DEFAULT_RUBRIC.criteria.map((c) => c.id));
  });

  it("breaks a tie in score by id, and leaves out the fix when a criterion has none", () => {
    const { strong, weak } = pickWalkthroughs([withBrief("b", good.brief), withBrief("a", good.brief)]);
    expect([strong?.handoff.id, weak?.handoff.id]).toEqual(["a", "b"]);
    const bare: Rubric = {
      id: "bare",
      grades: { strong: 80, acceptable: 60 },
      criteria: [
        {
          id: "one",
          label: "One",
          max: 4,
          score: ({ brief }) => ({
            points: brief.notes === undefined ? 1 : 4,
            message: brief.notes === undefined ? "No notes" : "Notes",
          }),
        },
      ],
    };
    const picked = pickWalkthroughs([withBrief("x", {}), withBrief("y", good.brief)], bare);
    expect(picked.strong?.messages).toEqual(["Notes"]);
    expect(picked.weak?.messages).toEqual(["No notes"]);
    expect(pickWalkthroughs([])).toEqual({});
  });

  it("names a handoff that is not one by its index", () => {
    expect(() => pickWalkthroughs([good, { id: "x" } as Handoff])).toThrow(
      "(pickWalkthroughs: handoffs[1] expects a parsed handoff (parseHandoff): sdr is undefined)",
    );
    expect(() => pickWalkthroughs({} as Handoff[])).toThrow("(pickWalkthroughs: handoffs must be an array: an object)");
    expect(() => pickWalkthroughs([], null as never)).toThrow(
      "(pickWalkthroughs: rubric must be DEFAULT_RUBRIC or one like it: null)",
    );
  });
});

describe("bookingGate", () => {
  const now = new Date("2026-11-02T16:00:00Z");
  const bar = defineSqlDefinition({
    id: "smb",
    version: 1,
    framework: BANT,
    requirements: { need: "validated", budget: "validated" },
  });
  // Complete, but without quotes, next step or stakeholders: 110 - 15 - 10 - 5 = 80 of 110, 72.7.
  const acceptable: Handoff = { ...good, brief: { ...good.brief, quotes: [], nextStep: undefined, stakeholders: [] } };

  it("passes an acceptable brief by default and refuses it when the gate needs strong", () => {
    expect(bookingGate(bar, DEFAULT_RUBRIC, { now })(acceptable)).toEqual({ ok: true });
    expect(bookingGate(bar, DEFAULT_RUBRIC, { now, minGrade: "strong" })(acceptable)).toEqual({
      ok: false,
      findings: [
        {
          kind: "brief_score",
          score: (80 / 110) * 100,
          grade: "acceptable",
          needs: "strong",
          message: "The brief scores 73 (acceptable); the gate needs strong",
        },
      ],
    });
    expect(bookingGate(bar, DEFAULT_RUBRIC, { now, minGrade: "strong" })(good)).toEqual({ ok: true });
  });

  it("says there is no evidence, or evidence for a framework it cannot read", () => {
    expect(bookingGate(bar, DEFAULT_RUBRIC, { now })({ ...good, qualification: undefined })).toEqual({
      ok: false,
      findings: [
        {
          kind: "qualification",
          criterion: "evidence",
          state: undefined,
          code: "no_evidence",
          message: "No qualification evidence is recorded",
        },
      ],
    });
    const other = { ...good, qualification: { framework: "spiced", evidence: {} } };
    expect(bookingGate(bar, DEFAULT_RUBRIC, { now })(other)).toEqual({
      ok: false,
      findings: [
        {
          kind: "qualification",
          criterion: "evidence",
          state: undefined,
          code: "not_crosswalkable",
          message: 'The evidence is for "spiced", which cannot be crosswalked to BANT',
        },
      ],
    });
    const bad = {
      ...good,
      qualification: { framework: "bant", evidence: { budget: { state: "approved" } } },
    } as unknown as Handoff;
    const decision = bookingGate(bar, DEFAULT_RUBRIC, { now })(bad);
    expect(decision.ok).toBe(false);
    expect(
      decision.ok
        ? []
        : decision.findings.map((reason) =>
            reason.kind === "qualification" ? [reason.code, reason.criterion] : reason.kind,
          ),
    ).toEqual([["invalid_evidence", "evidence.budget.state"]]);
  });

  it("reads evidence for the bar's own framework, even one the library does not know", () => {
    const spiced = defineFramework({
      key: "spiced",
      name: "SPICED",
      criteria: [
        { key: "situation", label: "Situation", question: "What is their setup today?", sdrConfirmable: true },
        { key: "pain", label: "Pain", question: "What hurts, in their words?", sdrConfirmable: true },
      ],
    });
    const spicedBar = defineSqlDefinition({
      id: "spiced-bar",
      version: 1,
      framework: spiced,
      requirements: { situation: "noted", pain: "validated" },
    });
    const record = {
      framework: "spiced",
      evidence: { pain: { state: "validated" as const, note: "Board pack takes 3 days" } },
    };
    expect(bookingGate(spicedBar, DEFAULT_RUBRIC, { now })({ ...good, qualification: record })).toEqual({
      ok: false,
      findings: [
        {
          kind: "qualification",
          criterion: "situation",
          state: "unknown",
          code: "missing",
          message: "Situation: no evidence; the bar requires it noted",
        },
      ],
    });
  });

  it("does not hold a sign-off dated after now against the lead", () => {
    const signed = defineSqlDefinition({
      id: "smb",
      version: 2,
      framework: BANT,
      requirements: { budget: "validated", authority: "validated" },
      signOffs: [{ role: "sdr_leader", name: "Ana Souza", at: "2026-12-01T00:00:00Z" }],
    });
    // authority is only noted in the fixture.
    expect(bookingGate(signed, DEFAULT_RUBRIC, { now })(good)).toEqual({
      ok: false,
      findings: [
        {
          kind: "qualification",
          criterion: "authority",
          state: "noted",
          code: "below_required",
          message: "Authority: evidence is noted; the bar requires it validated",
        },
      ],
    });
  });

  it("checks its options when the gate is made, not at the first booking", () => {
    expect(() => bookingGate(bar, DEFAULT_RUBRIC, { now: Number.NaN })).toThrow("(bookingGate: options.now: NaN)");
    expect(() => bookingGate(bar, DEFAULT_RUBRIC, { now, minGrade: "good" as never })).toThrow(
      "(bookingGate: options.minGrade must be acceptable or strong: good)",
    );
  });

  it("names misuse", () => {
    expect(() => bookingGate(bar, DEFAULT_RUBRIC, null as unknown as { now: Date })).toThrow(
      "(bookingGate: options must be an object: null)",
    );
    expect(() => bookingGate({} as typeof bar, DEFAULT_RUBRIC, { now })).toThrow(/bookingGate/);
    // The rubric is checked when the gate is made, not at the first booking it judges.
    expect(() => bookingGate(bar, null as never, { now })).toThrow(
      "(bookingGate: rubric must be DEFAULT_RUBRIC or one like it: null)",
    );
    expect(() => bookingGate(bar, { ...DEFAULT_RUBRIC, grades: { strong: 80 } } as never, { now })).toThrow(
      '(bookingGate: rubric "' + DEFAULT_RUBRIC.id + '"): grades.acceptable: Expected a score from 0 to 100',
    );
  });
});
