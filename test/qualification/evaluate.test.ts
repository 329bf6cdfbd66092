import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  ANUM,
  BANT,
  CHAMP,
  defineIcp,
  defineSqlDefinition,
  evaluateQualification,
  MEDDIC,
  MEDDICC,
  MEDDPICC,
  MEDDPICC_LITE,
  parseEvidence,
  type Framework,
  type FrameworkEvidence,
} from "../../src/qualification/index.js";

const now = new Date("2026-11-21T15:00:00Z");
const signed = [
  { role: "sdr_leader" as const, name: "Marcus Bennett", at: "2026-10-01T15:00:00Z" },
  { role: "ae_leader" as const, name: "Priya Shah", at: "2026-10-02T15:00:00Z" },
];
const specific = (note: string) => ({ state: "validated" as const, note });

describe("a verdict per framework (the criteria of its cited sources)", () => {
  const cases: [Framework, Record<string, string>][] = [
    [
      BANT,
      {
        budget: "About $40k set aside for Q1",
        authority: "Dana Ruiz, VP RevOps, signs",
        need: "Board pack takes 3 days a month",
        timing: "Live before 2027-03-31",
      },
    ],
    [
      ANUM,
      {
        authority: "CFO Lee Park signs",
        need: "Forecast misses by 20%",
        urgency: "Audit starts January 15",
        money: "$60k in the FY27 budget",
      },
    ],
    [
      CHAMP,
      {
        challenges: "Pipeline data lives in 4 tools",
        authority: "VP Sales signs",
        money: "$25k approved",
        prioritization: "Top project for Q1",
      },
    ],
    [
      MEDDIC,
      {
        metrics: "Cut reporting from 3 days to 1",
        economicBuyer: "CFO Lee Park",
        decisionCriteria: "Reads Salesforce without migration",
        decisionProcess: "Security review, then the CFO, by March",
        identifyPain: "Forecast misses by 20%",
        champion: "Dana Ruiz presents internally",
      },
    ],
    [
      MEDDICC,
      {
        metrics: "Cut reporting from 3 days to 1",
        economicBuyer: "CFO Lee Park",
        decisionCriteria: "Reads Salesforce",
        decisionProcess: "Security review in March",
        identifyPain: "Misses by 20%",
        champion: "Dana Ruiz",
        competition: "Evaluating Clari",
      },
    ],
    [
      MEDDPICC,
      {
        metrics: "Cut reporting from 3 days to 1",
        economicBuyer: "CFO Lee Park",
        decisionCriteria: "Reads Salesforce",
        decisionProcess: "Security review in March",
        paperProcess: "MSA via Procurement, 30 days",
        identifyPain: "Misses by 20%",
        champion: "Dana Ruiz",
        competition: "Evaluating Clari",
      },
    ],
    [
      MEDDPICC_LITE,
      {
        metrics: "Cut reporting from 3 days to 1",
        economicBuyer: "CFO Lee Park",
        decisionCriteria: "Reads Salesforce",
        identifyPain: "Misses by 20%",
        champion: "Dana Ruiz will present it",
      },
    ],
  ];

  it.each(cases)("%s: qualified when every criterion is validated with specific evidence", (framework, notes) => {
    const definition = defineSqlDefinition({
      id: `${framework.key}-sql`,
      version: 1,
      framework,
      requirements: Object.fromEntries(framework.criteria.map((c) => [c.key, "validated"])),
      signOffs: signed,
    });
    const evidence = {
      framework: framework.key,
      evidence: Object.fromEntries(Object.entries(notes).map(([key, note]) => [key, specific(note)])),
    } as FrameworkEvidence<typeof framework>;
    const verdict = evaluateQualification(evidence, definition, { now });
    expect(verdict).toMatchObject({ status: "qualified", draft: false, missing: [], findings: [] });
    expect(verdict.criteria.every((criterion) => criterion.met)).toBe(true);
  });
});

describe("evaluateQualification", () => {
  const bar = defineSqlDefinition({
    id: "smb-sql",
    version: 2,
    framework: BANT,
    requirements: { budget: "noted", authority: "validated", need: "noted" },
    signOffs: signed,
  });

  it("names what each criterion required and got, and every reason it falls short", () => {
    const verdict = evaluateQualification(
      {
        framework: "bant",
        evidence: {
          budget: { state: "suggested", note: "Budget $10k" },
          need: { state: "noted", note: "Board pack takes 3 days" },
        },
      },
      bar,
      { now },
    );
    expect(verdict.status).toBe("not_qualified");
    expect(verdict.missing).toEqual(["budget", "authority"]);
    expect(verdict.criteria.map((c) => [c.key, c.required, c.got, c.met])).toEqual([
      ["budget", "noted", "suggested", false],
      ["authority", "validated", "unknown", false],
      ["need", "noted", "noted", true],
      ["timing", undefined, "unknown", true],
    ]);
    expect(verdict.findings.map((f) => f.code)).toEqual(["below_required", "missing"]);
  });

  it("vague evidence does not count, and the finding says why", () => {
    const verdict = evaluateQualification(
      {
        framework: "bant",
        evidence: {
          budget: { state: "noted", note: "$40k for Q1" },
          authority: { state: "validated", note: "Prospect seemed interested" },
          need: { state: "noted", note: "Open to a chat" },
        },
      },
      bar,
      { now },
    );
    expect(verdict.missing).toEqual(["authority", "need"]);
    expect(verdict.findings.map((f) => f.code)).toEqual(["vague_evidence", "vague_evidence"]);
    expect(verdict.findings[0]?.message).toBe(
      'Authority: "Prospect seemed interested" names no person or role, no number and no date, ' +
        'and quotes no one ("seemed interested" commits to nothing), so it does not count',
    );
  });

  it("the prospect's words make evidence specific", () => {
    const verdict = evaluateQualification(
      {
        framework: "bant",
        evidence: {
          budget: { state: "noted", note: "$40k" },
          authority: { state: "validated", quote: "It's my call." },
          need: { state: "noted", note: "Forecast is off by 20%" },
        },
      },
      bar,
      { now },
    );
    expect(verdict.status).toBe("qualified");
  });

  it("can be told not to require specific evidence", () => {
    const lenient = defineSqlDefinition({
      id: "lenient",
      version: 1,
      framework: BANT,
      requirements: { need: "noted" },
      requireSpecificEvidence: false,
      signOffs: signed,
    });
    expect(
      evaluateQualification(
        { framework: "bant", evidence: { need: { state: "noted", note: "interested" } } },
        lenient,
        { now },
      ).status,
    ).toBe("qualified");
  });

  it("disqualifying evidence disqualifies, whether required or not", () => {
    const verdict = evaluateQualification(
      { framework: "bant", evidence: { timing: { state: "disqualifying", note: "Nothing before 2028" } } },
      bar,
      { now },
    );
    expect(verdict.status).toBe("disqualified");
    expect(verdict.findings).toContainEqual({
      code: "disqualifying",
      criterion: "timing",
      message: "Timing rules the lead out: Nothing before 2028",
    });
  });

  it("an unsigned definition evaluates as a draft and says so; a sign-off dated after now does not count", () => {
    const draft = defineSqlDefinition({
      id: "draft",
      version: 1,
      framework: BANT,
      requirements: { need: "noted" },
      signOffs: [signed[0]!, { role: "ae_leader", name: "Priya Shah", at: "2026-12-01T00:00:00Z" }],
    });
    const verdict = evaluateQualification(
      { framework: "bant", evidence: { need: { state: "noted", note: "Misses forecast by 20%" } } },
      draft,
      { now },
    );
    expect(verdict.status).toBe("qualified");
    expect(verdict.draft).toBe(true);
    expect(verdict.findings.map((f) => [f.code, f.message])).toEqual([
      [
        "sign_off_after_now",
        "Priya Shah's sign-off is dated 2026-12-01T00:00:00.000Z, after now; it does not count yet",
      ],
      ["draft", "Draft: not signed off by the AE leader"],
    ]);
  });

  it("ICP and intent thresholds join the bar", () => {
    const icp = defineIcp({ id: "fit", rules: [{ kind: "employees", min: 50, weight: 1 }] });
    const withFit = defineSqlDefinition({
      id: "fit",
      version: 1,
      framework: BANT,
      requirements: {},
      icp: { profile: icp, minScore: 100 },
      intent: { minScore: 30 },
      signOffs: signed,
    });
    const empty = { framework: "bant" as const, evidence: {} };
    expect(evaluateQualification(empty, withFit, { now }).missing).toEqual(["icp", "intent"]);
    const verdict = evaluateQualification(empty, withFit, {
      now,
      subject: { employees: 420 },
      signals: [{ kind: "pricing_page_visit", at: now }],
    });
    expect(verdict.status).toBe("qualified");
    expect(verdict.icp?.score).toBe(100);
    expect(verdict.intent?.score).toBeCloseTo(100 * (1 - Math.exp(-30 / 50)));
  });

  it("says why an ICP or intent threshold is not met, and reports the fit and intent it scored", () => {
    const icp = defineIcp({
      id: "fit",
      rules: [
        { kind: "employees", min: 50, weight: 1 },
        { kind: "region", include: ["NA"], weight: 1 },
      ],
    });
    const bar = defineSqlDefinition({
      id: "fit",
      version: 1,
      framework: BANT,
      requirements: {},
      icp: { profile: icp, minScore: 75 },
      intent: { minScore: 30, halfLife: 7 * 86_400_000 },
      signOffs: signed,
    });
    const empty = { framework: "bant" as const, evidence: {} };
    const unknown = evaluateQualification(empty, bar, { now });
    expect(unknown.findings.map((f) => [f.code, f.criterion, f.message])).toEqual([
      ["icp_unknown", "icp", "The bar has an ICP-fit threshold, but no account data was given"],
      ["intent_below_threshold", "intent", "Intent 0 is under the bar's 30"],
    ]);
    expect(unknown.icp).toBeUndefined();
    expect(unknown.intent).toEqual({ score: 0, minScore: 30, met: false });
    // Half the ICP weight (50 under 75); a pricing visit 7 days old at a 7-day half-life: 15 raw
    // points, 100 x (1 - e^-0.3) = 25.9, shown as 26.
    const half = evaluateQualification(empty, bar, {
      now,
      subject: { employees: 420, region: "EMEA" },
      signals: [{ kind: "pricing_page_visit", at: new Date(now.getTime() - 7 * 86_400_000) }],
    });
    expect(half.findings.map((f) => f.message)).toEqual([
      "ICP fit 50 is under the bar's 75",
      "Intent 26 is under the bar's 30",
    ]);
    expect(half.icp).toMatchObject({ score: 50, tier: "C", minScore: 75, met: false });
    expect(half.missing).toEqual(["icp", "intent"]);
    expect(half.status).toBe("not_qualified");
    // At the threshold exactly, the bar is met.
    const atBar = defineSqlDefinition({
      id: "fit",
      version: 2,
      framework: BANT,
      requirements: {},
      icp: { profile: icp, minScore: 50 },
      signOffs: signed,
    });
    expect(evaluateQualification(empty, atBar, { now, subject: { employees: 420 } })).toMatchObject({
      status: "qualified",
      icp: { score: 50, met: true },
    });
  });

  it("evidence for another framework is misuse: crosswalk it first", () => {
    expect(() => evaluateQualification({ framework: "meddpicc", evidence: {} } as never, bar, { now })).toThrow(
      /invalid_argument.*crosswalk/,
    );
  });
});

describe("evaluateQualification, a whole verdict", () => {
  const icp = defineIcp({
    id: "fit",
    rules: [
      { kind: "employees", min: 50, weight: 1 },
      { kind: "region", include: ["NA"], weight: 1 },
    ],
  });
  // A pricing-page visit seen now weighs 30 raw points: 100 x (1 - e^(-30/50)), the bar set exactly there.
  const intentAtVisit = 100 * (1 - Math.exp(-30 / 50));
  const bar = defineSqlDefinition({
    id: "mid-sql",
    version: 3,
    framework: BANT,
    requirements: { budget: "noted", authority: "validated", need: "noted" },
    icp: { profile: icp, minScore: 75 },
    intent: { minScore: intentAtVisit },
    signOffs: [
      { role: "sdr_leader", name: "Marcus Bennett", at: now.toISOString() },
      { role: "ae_leader", name: "Priya Shah", at: "2026-10-02T15:00:00Z" },
      { role: "sdr_leader", name: "Lee Park", at: "2026-12-01T00:00:00Z" },
    ],
  });

  it("every criterion, every finding in order, the thresholds, and the sign-offs", () => {
    const verdict = evaluateQualification(
      {
        framework: "bant",
        evidence: {
          budget: { state: "disqualifying" },
          authority: { state: "validated", note: "Seemed interested, open to a chat" },
          need: { state: "noted" },
          timing: { state: "noted" },
        },
      },
      bar,
      { now, subject: { employees: 420, region: "EMEA" }, signals: [{ kind: "pricing_page_visit", at: now }] },
    );
    expect(verdict.status).toBe("disqualified");
    // A sign-off at now counts; one after now is reported but the bar has both leaders, so no draft.
    expect(verdict.draft).toBe(false);
    expect(verdict.definition).toEqual({ id: "mid-sql", version: 3, framework: "bant" });
    expect(verdict.evaluatedAt).toEqual(now);
    expect(verdict.criteria).toEqual([
      { key: "budget", label: "Budget", required: "noted", got: "disqualifying", specific: undefined, met: false },
      { key: "authority", label: "Authority", required: "validated", got: "validated", specific: false, met: false },
      { key: "need", label: "Need", required: "noted", got: "noted", specific: false, met: false },
      // Not required, and with no note: specificity is not asked, so it is undefined rather than false.
      { key: "timing", label: "Timing", required: undefined, got: "noted", specific: undefined, met: true },
    ]);
    expect(verdict.missing).toEqual(["authority", "need", "icp"]);
    expect(verdict.findings).toEqual([
      { code: "disqualifying", criterion: "budget", message: "Budget rules the lead out" },
      {
        code: "vague_evidence",
        criterion: "authority",
        message:
          'Authority: "Seemed interested, open to a chat" names no person or role, no number and no date, ' +
          'and quotes no one ("seemed interested", "open to a chat" commits to nothing), so it does not count',
      },
      {
        code: "vague_evidence",
        criterion: "need",
        message: "Need: no note and no quote back the evidence, so it does not count",
      },
      { code: "icp_below_threshold", criterion: "icp", message: "ICP fit 50 is under the bar's 75" },
      {
        code: "sign_off_after_now",
        criterion: "definition",
        message: "Lee Park's sign-off is dated 2026-12-01T00:00:00.000Z, after now; it does not count yet",
      },
    ]);
    expect(verdict.icp).toMatchObject({ score: 50, minScore: 75, met: false });
    expect(verdict.intent).toEqual({ score: intentAtVisit, minScore: intentAtVisit, met: true });
  });

  it("vague evidence with no stock phrase in it says only what it lacks", () => {
    const verdict = evaluateQualification(
      { framework: "bant", evidence: { authority: { state: "validated", note: "Liked the demo" } } },
      bar,
      { now },
    );
    expect(verdict.findings.find((finding) => finding.criterion === "authority")).toEqual({
      code: "vague_evidence",
      criterion: "authority",
      message:
        'Authority: "Liked the demo" names no person or role, no number and no date, ' +
        "and quotes no one, so it does not count",
    });
  });

  it("names each leader whose sign-off is missing", () => {
    const draftOf = (signOffs: { role: "sdr_leader" | "ae_leader"; name: string; at: string }[]) =>
      evaluateQualification(
        { framework: "bant", evidence: {} },
        defineSqlDefinition({ id: "d", version: 1, framework: BANT, requirements: { need: "noted" }, signOffs }),
        { now },
      ).findings.filter((finding) => finding.code === "draft");
    expect(draftOf([])).toEqual([
      { code: "draft", criterion: "definition", message: "Draft: not signed off by the SDR leader and the AE leader" },
    ]);
    expect(draftOf([{ role: "ae_leader", name: "Priya Shah", at: "2026-10-02T15:00:00Z" }])).toEqual([
      { code: "draft", criterion: "definition", message: "Draft: not signed off by the SDR leader" },
    ]);
  });

  it("misuse names the function and the argument", () => {
    const evidence = { framework: "bant" as const, evidence: {} };
    expect(() => evaluateQualification(evidence, bar, null as never)).toThrow(
      "(evaluateQualification: options must be an object: null)",
    );
    expect(() => evaluateQualification(evidence, bar, { now: Number.NaN })).toThrow(
      "(evaluateQualification: options.now: NaN)",
    );
    expect(() => evaluateQualification(null as never, bar, { now })).toThrow(
      "(evaluateQualification expects evidence as parseEvidence returns it: the evidence is null)",
    );
    expect(() => evaluateQualification({ framework: "champ", evidence: {} } as never, bar, { now })).toThrow(
      '(evaluateQualification: the evidence is for "champ" and the definition for "bant"; crosswalk it first)',
    );
  });
});

describe("defineSqlDefinition refuses a bar its framework cannot meet", () => {
  it("names the unknown criterion, the bad state and the bad version", () => {
    try {
      defineSqlDefinition({
        id: "x",
        version: 0,
        framework: BANT,
        requirements: { budget: "maybe", economicBuyer: "noted" } as never,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HandoffKitError);
      expect((error as HandoffKitError).issues.map((issue) => `${issue.path.join(".")} ${issue.code}`)).toEqual([
        "version too_small",
        "requirements.budget invalid_value",
        "requirements.economicBuyer unknown_criterion",
      ]);
    }
  });

  it("refuses a bar that requires nothing", () => {
    expect(() => defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: {} })).toThrow(
      /empty_definition|A definition must require something/,
    );
  });
});

describe("parseEvidence", () => {
  it("reports unknown criterion keys and evidence for another framework by path", () => {
    const result = parseEvidence(
      { framework: "bant", evidence: { budget: { state: "noted" }, metrics: { state: "noted", note: "3 days to 1" } } },
      MEDDPICC_LITE,
    );
    expect(result.ok ? [] : result.issues.map((issue) => `${issue.path.join(".")} ${issue.code}`)).toEqual([
      "framework invalid_value",
      "evidence.budget unrecognized_keys",
    ]);
  });

  it("__proto__ and constructor keys are unknown criteria: reported, and nothing is polluted", () => {
    const input = JSON.parse(
      '{"framework":"bant","evidence":{"__proto__":{"state":"validated","polluted":true},' +
        '"need":{"state":"noted","note":"x"}}}',
    ) as unknown;
    const result = parseEvidence(input, BANT);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path.join("."))).toEqual(["evidence.__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)["state"]).toBeUndefined();
    const withConstructor = parseEvidence({ framework: "bant", evidence: { constructor: { state: "noted" } } }, BANT);
    expect(withConstructor.ok ? [] : withConstructor.issues.map((issue) => issue.path.join("."))).toEqual([
      "evidence.constructor",
    ]);
  });
});
