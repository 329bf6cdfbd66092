import { describe, expect, it } from "vitest";
import {
  BANT,
  calibrate,
  CHAMP,
  crosswalk,
  defineFramework,
  defineIcp,
  defineSqlDefinition,
  MEDDPICC,
  MEDDPICC_LITE,
  toJsonSchema,
} from "../../src/qualification/index.js";

describe("crosswalk", () => {
  it("maps BANT onto MEDDPICC-lite, reports what does not map, and what is not covered", () => {
    const result = crosswalk(
      {
        framework: "bant",
        evidence: {
          authority: { state: "validated", note: "CFO Lee Park signs" },
          need: { state: "noted", note: "Misses by 20%" },
          timing: { state: "noted", note: "March" },
        },
      },
      BANT,
      MEDDPICC_LITE,
    );
    expect(result.evidence.framework).toBe("meddpicc_lite");
    expect(result.evidence.evidence).toEqual({
      economicBuyer: { state: "validated", note: "CFO Lee Park signs" },
      identifyPain: { state: "noted", note: "Misses by 20%" },
    });
    expect(result.mapped).toEqual([
      { from: "authority", to: "economicBuyer", fidelity: "exact" },
      { from: "need", to: "identifyPain", fidelity: "exact" },
    ]);
    expect(result.unmapped).toEqual([{ criterion: "timing", message: "MEDDPICC-lite has no criterion for timing" }]);
    expect(result.uncovered).toEqual(["metrics", "decisionCriteria", "champion"]);
  });

  it("a partial mapping carries evidence only as a hint", () => {
    const result = crosswalk(
      { framework: "bant", evidence: { budget: { state: "validated", note: "$40k" } } },
      BANT,
      MEDDPICC,
    );
    expect(result.evidence.evidence.economicBuyer).toEqual({ state: "suggested", note: "From Budget: $40k" });
    expect(result.mapped).toEqual([{ from: "budget", to: "economicBuyer", fidelity: "partial" }]);
  });

  it("exact beats partial for the same target", () => {
    const result = crosswalk(
      {
        framework: "bant",
        evidence: { budget: { state: "validated", note: "$40k" }, authority: { state: "noted", note: "VP Sales" } },
      },
      BANT,
      MEDDPICC,
    );
    expect(result.evidence.evidence.economicBuyer).toEqual({ state: "noted", note: "VP Sales" });
  });

  it("a framework the table does not know maps nothing, and says so", () => {
    const house = defineFramework({
      key: "house",
      name: "House",
      criteria: [{ key: "fit", label: "Fit", question: "Do they fit?", sdrConfirmable: true }],
    });
    const result = crosswalk({ framework: "house", evidence: { fit: { state: "noted" } } }, house, BANT);
    expect(result.evidence.evidence).toEqual({});
    expect(result.unmapped).toEqual([{ criterion: "fit", message: "BANT has no criterion for fit" }]);
  });

  it("a framework read as itself keeps its evidence, exactly, known to the table or not", () => {
    const house = defineFramework({
      key: "house",
      name: "House",
      criteria: [
        { key: "fit", label: "Fit", question: "Do they fit?", sdrConfirmable: true },
        { key: "pain", label: "Pain", question: "What hurts?", sdrConfirmable: true },
      ],
    });
    const result = crosswalk(
      { framework: "house", evidence: { pain: { state: "validated", note: "Board pack takes 3 days" } } },
      house,
      house,
    );
    expect(result).toEqual({
      evidence: { framework: "house", evidence: { pain: { state: "validated", note: "Board pack takes 3 days" } } },
      mapped: [{ from: "pain", to: "pain", fidelity: "exact" }],
      unmapped: [],
      uncovered: [],
    });
    // A later version of the same framework (same key) with a criterion dropped and one added.
    const next = defineFramework({
      ...house,
      criteria: [
        { key: "pain", label: "Pain", question: "What hurts?", sdrConfirmable: true },
        { key: "timing", label: "Timing", question: "By when?", sdrConfirmable: true },
      ],
    });
    const moved = crosswalk(
      { framework: "house", evidence: { fit: { state: "noted" }, pain: { state: "noted" } } },
      house,
      next,
    );
    expect(moved).toEqual({
      evidence: { framework: "house", evidence: { pain: { state: "noted" } } },
      mapped: [{ from: "pain", to: "pain", fidelity: "exact" }],
      unmapped: [{ criterion: "fit", message: "House has no criterion for fit" }],
      uncovered: ["timing"],
    });
    // CHAMP's prioritization links to timing only partially; read as CHAMP it stays what it was.
    const champ = crosswalk(
      { framework: "champ", evidence: { prioritization: { state: "validated", note: "Top project for Q1" } } },
      CHAMP,
      CHAMP,
    );
    expect(champ.evidence.evidence.prioritization).toEqual({ state: "validated", note: "Top project for Q1" });
  });
});

describe("crosswalk: several source criteria for one target", () => {
  // A source framework whose three criteria all speak to one concept, twice exactly and once partly.
  const criterion = (key: string) => ({ key, label: key.toUpperCase(), question: `${key}?`, sdrConfirmable: true });
  const source = defineFramework({ key: "src", name: "Source", criteria: ["x", "y", "z"].map(criterion) });
  const target = defineFramework({ key: "dst", name: "Target", criteria: [criterion("t")] });
  const table = {
    src: {
      x: [{ concept: "c", fidelity: "exact" as const }],
      y: [{ concept: "c", fidelity: "exact" as const }],
      z: [{ concept: "c", fidelity: "partial" as const }],
    },
    dst: { t: [{ concept: "c", fidelity: "exact" as const }] },
  };
  const mapOnto = (evidence: Record<string, { state: "noted" | "validated" | "disqualifying"; note?: string }>) =>
    crosswalk({ framework: "src", evidence }, source, target, { table });

  it("an exact link beats a partial one, whichever comes first and however strong", () => {
    const result = mapOnto({ x: { state: "noted", note: "x" }, z: { state: "validated", note: "z" } });
    expect(result.evidence.evidence).toEqual({ t: { state: "noted", note: "x" } });
    expect(result.mapped).toEqual([{ from: "x", to: "t", fidelity: "exact" }]);
    expect(mapOnto({ z: { state: "validated", note: "z" } }).evidence.evidence).toEqual({
      t: { state: "suggested", note: "From Z: z" },
    });
  });

  it("between links of one fidelity, the stronger evidence wins; on a tie the first criterion", () => {
    expect(mapOnto({ x: { state: "noted" }, y: { state: "validated" } }).mapped).toEqual([
      { from: "y", to: "t", fidelity: "exact" },
    ]);
    expect(mapOnto({ x: { state: "validated" }, y: { state: "noted" } }).mapped).toEqual([
      { from: "x", to: "t", fidelity: "exact" },
    ]);
    expect(
      mapOnto({ x: { state: "noted", note: "first" }, y: { state: "noted", note: "second" } }).evidence.evidence,
    ).toEqual({ t: { state: "noted", note: "first" } });
    // Disqualifying evidence is the strongest there is: a reason not to buy is never outvoted.
    expect(mapOnto({ x: { state: "validated" }, y: { state: "disqualifying" } }).mapped).toEqual([
      { from: "y", to: "t", fidelity: "exact" },
    ]);
  });

  it("names the function and argument on misuse", () => {
    const evidence = { framework: "src" as const, evidence: {} };
    expect(() => crosswalk(evidence as never, null as never, target)).toThrow("(crosswalk: from must be a framework");
    expect(() => crosswalk(evidence, source, null as never)).toThrow("(crosswalk: to must be a framework");
    expect(() => crosswalk(evidence, source, target, null as never)).toThrow(
      "(crosswalk: options must be an object: null)",
    );
  });
});

describe("toJsonSchema", () => {
  it("exports a framework's evidence form, without zod's Date-as-anything branch", () => {
    const { schema, unsupported } = toJsonSchema(BANT);
    const evidence = (
      schema["properties"] as Record<
        string,
        {
          properties: Record<string, { properties: Record<string, { anyOf?: unknown[] }> }>;
          additionalProperties?: boolean;
        }
      >
    )["evidence"];
    expect(Object.keys(evidence?.properties ?? {})).toEqual(["budget", "authority", "need", "timing"]);
    expect(evidence?.additionalProperties).toBe(false);
    expect(evidence?.properties["budget"]?.properties["recordedAt"]?.anyOf).toHaveLength(2);
    expect(unsupported.map((rule) => rule.path)).toContain("evidence.budget.recordedAt");
    expect(schema["title"]).toBe("BANT evidence");
  });

  it(
    "exports a definition: required criteria required, " +
      "their states limited to those meeting the bar, falsifiability listed",
    () => {
      const bar = defineSqlDefinition({
        id: "smb",
        version: 3,
        framework: BANT,
        requirements: { budget: "noted", need: "validated" },
      });
      const { schema, unsupported } = toJsonSchema(bar);
      const evidence = (
        schema["properties"] as Record<
          string,
          { required?: string[]; properties: Record<string, { properties: Record<string, { enum?: string[] }> }> }
        >
      )["evidence"];
      expect(evidence?.required).toEqual(["budget", "need"]);
      expect(evidence?.properties["budget"]?.properties["state"]?.enum).toEqual(["noted", "validated"]);
      expect(evidence?.properties["need"]?.properties["state"]?.enum).toEqual(["validated"]);
      expect(evidence?.properties["timing"]?.properties["state"]?.enum).toHaveLength(5);
      expect(unsupported.filter((rule) => rule.message.startsWith("Falsifiability")).map((rule) => rule.path)).toEqual([
        "evidence.budget.note",
        "evidence.need.note",
      ]);
      expect(unsupported.find((rule) => rule.message.startsWith("Falsifiability"))?.message).toBe(
        "Falsifiability: the note must name a person or role, a number or a date, or the prospect must be quoted",
      );
      expect(schema["title"]).toBe("smb v3 (BANT)");
    },
  );

  it("lists every rule JSON Schema cannot say, in order, for a lenient bar with ICP and intent thresholds", () => {
    const icp = defineIcp({ id: "revops", rules: [{ kind: "region", include: ["NA"], weight: 1 }] });
    const bar = defineSqlDefinition({
      id: "lenient",
      version: 1,
      framework: MEDDPICC_LITE,
      requirements: { champion: "suggested" },
      requireSpecificEvidence: false,
      icp: { profile: icp, minScore: 60 },
      intent: { minScore: 40 },
    });
    const { schema, unsupported } = toJsonSchema(bar);
    const perCriterion = (key: string) => [
      {
        path: `evidence.${key}.recordedAt`,
        message: "Code may also pass a Date object; an ISO date-time must carry Z or an offset",
      },
      { path: `evidence.${key}.note`, message: "Surrounding white space is trimmed before the length is checked" },
    ];
    expect(unsupported).toEqual([
      ...MEDDPICC_LITE.criteria.flatMap((criterion) => perCriterion(criterion.key)),
      { path: "(lead)", message: 'ICP fit on profile "revops" must reach 60; scored from account data' },
      { path: "(lead)", message: "Intent must reach 40; scored from dated signals" },
    ]);
    const evidence = (
      schema["properties"] as Record<
        string,
        { properties: Record<string, { properties: Record<string, { enum?: string[]; anyOf?: object[] }> }> }
      >
    )["evidence"];
    expect(evidence?.properties["champion"]?.properties["state"]?.enum).toEqual(["suggested", "noted", "validated"]);
    // Each branch left for recordedAt says something: zod's empty "anything" branch for a Date is gone.
    expect(
      evidence?.properties["champion"]?.properties["recordedAt"]?.anyOf?.every(
        (branch) => Object.keys(branch).length > 0,
      ),
    ).toBe(true);
    expect(() => toJsonSchema(null as never)).toThrow(
      "(toJsonSchema: source must be a framework (BANT, MEDDPICC_LITE, or defineFramework's): it is null)",
    );
    expect(() => toJsonSchema({ ...BANT, criteria: [null] } as never)).toThrow(
      "(toJsonSchema: source must be a framework (BANT, MEDDPICC_LITE, or defineFramework's): criteria[0] is null)",
    );
    const budgetBar = defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { budget: "noted" } });
    expect(() => toJsonSchema({ ...budgetBar, requirements: undefined } as never)).toThrow(
      "(toJsonSchema: the definition must be made by defineSqlDefinition: requirements is undefined)",
    );
  });
});

describe("calibrate", () => {
  const bar = defineSqlDefinition({ id: "smb", version: 1, framework: BANT, requirements: { budget: "noted" } });

  it("Cohen's kappa for two reviewers, computed by hand", () => {
    // 10 handoffs: both met 4, both not_met 3, A met / B not 2, A not / B met 1.
    const pairs: ["met" | "not_met", "met" | "not_met"][] = [
      ...Array.from({ length: 4 }, () => ["met", "met"] as ["met", "met"]),
      ...Array.from({ length: 3 }, () => ["not_met", "not_met"] as ["not_met", "not_met"]),
      ...Array.from({ length: 2 }, () => ["met", "not_met"] as ["met", "not_met"]),
      ["not_met", "met"],
    ];
    const reviews = pairs.flatMap(([a, b], i) => [
      { reviewer: "a", handoffId: `h${String(i)}`, grades: { budget: a } },
      { reviewer: "b", handoffId: `h${String(i)}`, grades: { budget: b } },
    ]);
    const observed = 7 / 10;
    const expected = (6 / 10) * (5 / 10) + (4 / 10) * (5 / 10);
    const budget = calibrate(reviews, bar).criteria[0];
    expect(budget?.method).toBe("cohen");
    expect(budget?.observed).toBeCloseTo(observed, 12);
    expect(budget?.kappa).toBeCloseTo((observed - expected) / (1 - expected), 12);
    expect(budget?.ambiguous).toBe(true);
  });

  it("Fleiss' kappa for three reviewers, computed by hand", () => {
    const items: ("met" | "not_met" | "unclear")[][] = [
      ["met", "met", "met"],
      ["met", "met", "not_met"],
      ["not_met", "not_met", "not_met"],
      ["met", "not_met", "unclear"],
    ];
    const reviews = items.flatMap((grades, i) =>
      grades.map((grade, r) => ({ reviewer: `r${String(r)}`, handoffId: `h${String(i)}`, grades: { need: grade } })),
    );
    // P_i = (sum of n_ij^2 - 3) / 6: 1, 1/3, 1, 0. p_met = 6/12, p_not = 5/12, p_unclear = 1/12.
    const pBar = (1 + 1 / 3 + 1 + 0) / 4;
    const pE = (6 / 12) ** 2 + (5 / 12) ** 2 + (1 / 12) ** 2;
    const need = calibrate(reviews, bar).criteria.find((c) => c.key === "need");
    expect(need?.method).toBe("fleiss");
    expect(need?.kappa).toBeCloseTo((pBar - pE) / (1 - pE), 12);
  });

  it("identical graders agree perfectly; bad grades and skipped handoffs are issues", () => {
    const reviews = [
      {
        reviewer: "a",
        handoffId: "h1",
        grades: { budget: "met" as const, authority: "not_met" as const, economicBuyer: "met" as const },
      },
      { reviewer: "b", handoffId: "h1", grades: { budget: "met" as const, authority: "not_met" as const } },
      { reviewer: "a", handoffId: "h2", grades: { budget: "met" as const } },
    ];
    const calibration = calibrate(reviews, bar);
    expect(calibration.criteria.find((c) => c.key === "authority")?.kappa).toBe(1);
    expect(calibration.issues.map((issue) => `${issue.path.join(".")} ${issue.code}`)).toEqual([
      "0.grades.economicBuyer unknown_criterion",
      "h2.budget incomplete_ratings",
    ]);
    expect(calibration.criteria.find((c) => c.key === "need")).toMatchObject({ kappa: null, items: 0 });
  });

  it("says each problem word for word, and leaves bad reviews out", () => {
    const calibration = calibrate(
      [
        { reviewer: "a", handoffId: "h1", grades: { budget: "met", need: "maybe" } } as never,
        "a review" as never,
        { reviewer: "a", handoffId: 7, grades: {} } as never,
        { reviewer: "b", handoffId: "h1", grades: { budget: "met" } },
        { reviewer: "b", handoffId: "h2", grades: { champion: "met" } } as never,
      ],
      bar,
    );
    expect(calibration.issues).toEqual([
      { code: "invalid_review", path: [1], message: "Expected { reviewer, handoffId, grades }" },
      { code: "invalid_review", path: [2], message: "Expected { reviewer, handoffId, grades }" },
      { code: "invalid_grade", path: [0, "grades", "need"], message: "Expected met, not_met or unclear" },
      { code: "unknown_criterion", path: [4, "grades", "champion"], message: 'BANT has no criterion "champion"' },
    ]);
    // Budget: both met h1: perfect agreement on one item, every grade the same.
    expect(calibration.criteria[0]).toEqual({
      key: "budget",
      label: "Budget",
      kappa: 1,
      method: "cohen",
      observed: 1,
      items: 1,
      reviewers: 2,
      ambiguous: false,
    });
    expect(calibration.overall).toEqual({ kappa: 1, method: "cohen", observed: 1, items: 1, reviewers: 2 });
  });

  it("agreement no better than chance is 0; one reviewer gives no kappa; the threshold is yours", () => {
    const constant = calibrate(
      [
        { reviewer: "a", handoffId: "h1", grades: { budget: "met" } },
        { reviewer: "b", handoffId: "h1", grades: { budget: "not_met" } },
      ],
      bar,
    ).criteria[0];
    // Each reviewer's marginal is one grade, and they differ: expected agreement 0, observed 0.
    expect(constant).toMatchObject({ kappa: 0, observed: 0 });
    const alone = calibrate([{ reviewer: "a", handoffId: "h1", grades: { budget: "met" } }], bar).criteria[0];
    expect(alone).toMatchObject({
      kappa: null,
      method: "none",
      observed: null,
      items: 1,
      reviewers: 1,
      ambiguous: false,
    });
    const pairs = [
      { reviewer: "a", handoffId: "h1", grades: { budget: "met" as const } },
      { reviewer: "b", handoffId: "h1", grades: { budget: "met" as const } },
      { reviewer: "a", handoffId: "h2", grades: { budget: "met" as const } },
      { reviewer: "b", handoffId: "h2", grades: { budget: "not_met" as const } },
    ];
    // Observed 1/2; expected: a always met, b half and half: 1 x 1/2 = 1/2. Kappa 0, ambiguous at 0.6, not at 0.
    expect(calibrate(pairs, bar).criteria[0]).toMatchObject({ kappa: 0, ambiguous: true });
    expect(calibrate(pairs, bar, { threshold: 0 }).criteria[0]).toMatchObject({ kappa: 0, ambiguous: false });
    expect(calibrate(pairs, bar).ambiguous).toEqual(["budget"]);
    expect(() => calibrate("reviews" as never, bar)).toThrow("(calibrate: reviews must be an array: reviews)");
    expect(() => calibrate([], bar, null as never)).toThrow("(calibrate: options must be an object: null)");
  });

  it("reads perfect agreement on a single shared grade as 1, not 0 over 0", () => {
    const same = calibrate(
      [
        { reviewer: "a", handoffId: "h1", grades: { budget: "met" } },
        { reviewer: "b", handoffId: "h1", grades: { budget: "met" } },
        { reviewer: "a", handoffId: "h2", grades: { budget: "met" } },
        { reviewer: "b", handoffId: "h2", grades: { budget: "met" } },
      ],
      bar,
    ).criteria[0];
    expect(same).toMatchObject({ kappa: 1, observed: 1, items: 2 });
  });
});
