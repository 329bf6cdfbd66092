import { describe, expect, it } from "vitest";
import type { HandoffKitError } from "../../src/core/error.js";
import { handoffSchema, type Brief, type Prospect } from "../../src/handoff/index.js";
import {
  checkCompleteness,
  checkRejectionFeedback,
  DEFAULT_RUBRIC,
  defineRubric,
  scoreBrief,
  type Rubric,
  type RubricCriterion,
} from "../../src/rubric/index.js";
import { handoffInput } from "../fixtures/handoff.js";

// Each criterion of the default rubric, branch by branch: the points, message and fix below are read
// off the rubric's documented table and wording, then checked one finding at a time.
const good = handoffSchema.parse({ ...handoffInput(), events: [] });
const full: Brief = good.brief;
const champion: Prospect = good.prospect;

const finding = (criterion: string, brief: Brief, prospect: Prospect | "none" = champion) => {
  const found = scoreBrief(brief, DEFAULT_RUBRIC, prospect === "none" ? {} : { prospect }).findings.find(
    (entry) => entry.criterion === criterion,
  );
  if (found === undefined) throw new Error(`no finding ${criterion}`);
  const { points, message, fix } = found;
  return fix === undefined ? { points, message } : { points, message, fix };
};
const untyped = (value: unknown): Brief => value as Brief;

describe("icp_signal: 0 without a signal, 7 when vague, 10 when unverified, 15 when specific and verified", () => {
  const none = {
    points: 0,
    message: "No ICP-fit signal",
    fix: "Name the signal that makes this a real opportunity (hiring, funding, a migration)",
  };
  it("scores each step", () => {
    expect(finding("icp_signal", { ...full, icpFit: undefined })).toEqual(none);
    expect(finding("icp_signal", { ...full, icpFit: { signal: "   ", verified: true } })).toEqual(none);
    expect(finding("icp_signal", untyped({ ...full, icpFit: "Hiring two analysts" }))).toEqual(none);
    // "growing team": no number, date, name, role or quote.
    expect(finding("icp_signal", { ...full, icpFit: { signal: "growing team", verified: true } })).toEqual({
      points: 7,
      message: 'The ICP signal "growing team" is vague',
      fix: "Give a number, a date or a name behind the signal",
    });
    const assumed = {
      points: 10,
      message: "ICP fit is assumed, not verified",
      fix: "Check the fit against enrichment data or with the prospect",
    };
    expect(finding("icp_signal", { ...full, icpFit: { signal: "Hiring two RevOps analysts" } })).toEqual(assumed);
    expect(
      finding("icp_signal", untyped({ ...full, icpFit: { signal: "Hiring two RevOps analysts", verified: "true" } })),
    ).toEqual(assumed);
    expect(finding("icp_signal", full)).toEqual({ points: 15, message: "A specific, verified ICP signal" });
  });
});

describe("quotes: 15 for a quote in the list or in usable notes, else 0", () => {
  const none = {
    points: 0,
    message: "No quote from the prospect",
    fix: "Add what the prospect said, verbatim: quotes are gold",
  };
  const captured = { points: 15, message: "The prospect's own words are captured" };
  const plainNotes = "Dana's team spends three days a month on the board pack.";
  it("reads the list, skipping blank and non-text entries", () => {
    expect(finding("quotes", { ...full, notes: plainNotes, quotes: [] })).toEqual(none);
    expect(finding("quotes", { ...full, notes: plainNotes, quotes: ["  "] })).toEqual(none);
    expect(finding("quotes", untyped({ ...full, notes: plainNotes, quotes: [42] }))).toEqual(none);
    expect(finding("quotes", untyped({ ...full, notes: plainNotes, quotes: "It's approved" }))).toEqual(none);
    expect(finding("quotes", untyped({ ...full, notes: plainNotes, quotes: [42, "It's approved."] }))).toEqual(
      captured,
    );
  });
  it("finds a quote in the notes, unless the notes are boilerplate", () => {
    expect(
      finding("quotes", { ...full, quotes: [], notes: 'Dana said "we rebuild the deck by hand" twice on the call.' }),
    ).toEqual(captured);
    // Two words: too short to be notes of a conversation, so the quote in them does not count.
    expect(finding("quotes", { ...full, quotes: [], notes: 'Interested "yes"' })).toEqual(none);
    expect(finding("quotes", { ...full, quotes: [], notes: "" })).toEqual(none);
  });
});

describe("trigger_timing: 0 without a trigger, 8 without timing, 15 with both", () => {
  it("scores each step", () => {
    const none = {
      points: 0,
      message: "No trigger event",
      fix: "Name what created urgency: a new hire, funding, a migration, a deadline",
    };
    expect(finding("trigger_timing", { ...full, trigger: undefined })).toEqual(none);
    expect(finding("trigger_timing", untyped({ ...full, trigger: "soon" }))).toEqual(none);
    const untimed = {
      points: 8,
      message: "A trigger without timing",
      fix: "Add when it has to happen, and what sets that date",
    };
    expect(finding("trigger_timing", { ...full, trigger: { kind: "funding" } })).toEqual(untimed);
    expect(finding("trigger_timing", { ...full, trigger: { kind: "funding", timing: " " } })).toEqual(untimed);
    expect(finding("trigger_timing", { ...full, trigger: { kind: "funding", timing: "Q1" } })).toEqual({
      points: 15,
      message: "A named trigger with its timing",
    });
  });
});

describe("stack_budget: 7 for the stack, 8 for a budget signal", () => {
  const fix = "Record the tools in use and who controls spend, whether budget is allocated or how they buy";
  const stack = { inUse: ["Salesforce"] };
  it("adds the two parts and names what is missing", () => {
    expect(finding("stack_budget", full)).toEqual({ points: 15, message: "Tech stack and a budget signal" });
    expect(finding("stack_budget", { ...full, budget: {} })).toEqual({ points: 7, message: "No budget signal", fix });
    expect(finding("stack_budget", { ...full, techStack: { inUse: [] } })).toEqual({
      points: 8,
      message: "No tech stack",
      fix,
    });
    expect(finding("stack_budget", { ...full, techStack: undefined, budget: undefined })).toEqual({
      points: 0,
      message: "No tech stack and no budget signal",
      fix,
    });
  });
  it("counts blank or non-text tools as no stack", () => {
    expect(finding("stack_budget", untyped({ ...full, techStack: { inUse: [" ", 3] } }))).toEqual({
      points: 8,
      message: "No tech stack",
      fix,
    });
    expect(finding("stack_budget", untyped({ ...full, techStack: { inUse: "Salesforce" } }))).toEqual({
      points: 8,
      message: "No tech stack",
      fix,
    });
    expect(finding("stack_budget", untyped({ ...full, techStack: ["Salesforce"] }))).toEqual({
      points: 8,
      message: "No tech stack",
      fix,
    });
  });
  it("takes any one budget signal: a controller, allocated yes or no, a buying process", () => {
    const withBudget = (budget: unknown) =>
      finding("stack_budget", untyped({ ...full, techStack: stack, budget })).points;
    expect(withBudget({ controller: "Dana Ruiz" })).toBe(15);
    expect(withBudget({ allocated: "yes" })).toBe(15);
    expect(withBudget({ allocated: "no" })).toBe(15);
    expect(withBudget({ buyingProcess: "Procurement above $25k" })).toBe(15);
    expect(withBudget({ allocated: "unknown" })).toBe(7);
    expect(withBudget({ controller: "  ", buyingProcess: "" })).toBe(7);
    expect(withBudget(["Dana Ruiz"])).toBe(7);
  });
});

describe("required_fields: 15 pro rata over the nine required fields", () => {
  const fix = "Fill in every required field: if any is missing, the meeting is not ready";
  it("gives all 15 for a complete brief", () => {
    expect(finding("required_fields", full)).toEqual({ points: 15, message: "Every required field is there" });
  });
  it("counts boilerplate notes as missing: 8 of 9 fields, 15 x 8 / 9", () => {
    const { points, ...rest } = finding("required_fields", { ...full, notes: "Interested, wants demo" });
    expect(points).toBeCloseTo(40 / 3, 12);
    expect(rest).toEqual({ message: "Missing: notes", fix });
  });
  it("lists every missing field in the package's order: 1 of 9 present, 15 / 9", () => {
    const { points, ...rest } = finding("required_fields", {
      notes: "Dana's team spends three days a month on the board pack.",
    });
    expect(points).toBeCloseTo(15 / 9, 12);
    expect(rest).toEqual({
      message:
        "Missing: discovery.prospectRole, discovery.prompt, discovery.problem, icpFit.signal, " +
        "trigger, trigger.timing, techStack.inUse, budget",
      fix,
    });
  });
});

describe("specific_notes: 10 for notes that carry context, 0 for none or boilerplate", () => {
  it("scores each case with its message", () => {
    const none = { points: 0, message: "No notes", fix: "Write what the prospect said and what you learned" };
    expect(finding("specific_notes", { ...full, notes: undefined })).toEqual(none);
    expect(finding("specific_notes", { ...full, notes: " \n " })).toEqual(none);
    const boilerplate = "Replace boilerplate with what was said: who, what number, by when";
    expect(finding("specific_notes", { ...full, notes: "Interested, wants demo" })).toEqual({
      points: 0,
      message: "3 words cannot carry the conversation",
      fix: boilerplate,
    });
    expect(finding("specific_notes", full)).toEqual({ points: 10, message: "The notes carry context" });
  });
});

describe("influence: 10 for a contact with influence, a buying role or a path to the buyer", () => {
  const none = {
    points: 0,
    message: "A contact with no influence and no path to a buyer",
    fix: "Find who signs, and how this contact reaches them",
  };
  const has = { points: 10, message: "The contact has influence or a path to the buyer" };
  const user: Prospect = { name: "Sam Lee", role: "user", influence: "low" };
  it("needs the prospect to judge", () => {
    expect(finding("influence", full, "none")).toEqual({
      points: 0,
      message: "No prospect given to judge",
      fix: "Score the brief with its prospect",
    });
  });
  it("counts high or medium influence", () => {
    expect(finding("influence", full, user)).toEqual(none);
    expect(finding("influence", full, { ...user, influence: "none" })).toEqual(none);
    expect(finding("influence", full, { ...user, influence: "medium" })).toEqual(has);
    expect(finding("influence", full, { ...user, influence: "high" })).toEqual(has);
  });
  it("counts the economic buyer, the decision maker and the champion, whatever their influence", () => {
    for (const role of ["economic_buyer", "decision_maker", "champion"] as const)
      expect(finding("influence", full, { ...user, role })).toEqual(has);
    for (const role of ["influencer", "technical_evaluator", "gatekeeper", "unknown"] as const)
      expect(finding("influence", full, { ...user, role })).toEqual(none);
  });
  it("counts a path to the buyer, not a blank one", () => {
    expect(finding("influence", full, { ...user, pathToBuyer: "Reports to the CFO weekly" })).toEqual(has);
    expect(finding("influence", full, { ...user, pathToBuyer: "  " })).toEqual(none);
  });
});

describe("next_step and stakeholders", () => {
  it("next_step: 10 for the step in the prospect's words", () => {
    const none = {
      points: 0,
      message: "No next step in the prospect's words",
      fix: "Write down what the prospect agreed to, as they said it",
    };
    const agreed = { points: 10, message: "The agreed next step, in the prospect's words" };
    expect(finding("next_step", full)).toEqual(agreed);
    expect(finding("next_step", { ...full, nextStep: { promised: "Tailored demo" } })).toEqual(none);
    expect(finding("next_step", { ...full, nextStep: { inProspectWords: " " } })).toEqual(none);
    expect(finding("next_step", untyped({ ...full, nextStep: "Show me the board pack" }))).toEqual(none);
  });
  it("stakeholders: 5 when any is named", () => {
    const none = { points: 0, message: "No stakeholders named", fix: "Name the other people involved and their roles" };
    expect(finding("stakeholders", full)).toEqual({ points: 5, message: "Stakeholders are named" });
    expect(finding("stakeholders", { ...full, stakeholders: [] })).toEqual(none);
    expect(finding("stakeholders", untyped({ ...full, stakeholders: { name: "Lee Park" } }))).toEqual(none);
  });
});

describe("scoreBrief's arithmetic over any rubric", () => {
  const criterion = (id: string, max: number, points: number, fix?: string): RubricCriterion => ({
    id,
    label: `Label ${id}`,
    max,
    score: () => (fix === undefined ? { points, message: `reason ${id}` } : { points, message: `reason ${id}`, fix }),
  });
  const rubric = (...criteria: RubricCriterion[]): Rubric => ({
    id: "test",
    criteria,
    grades: { strong: 80, acceptable: 60 },
  });

  it("clamps each criterion's points to 0..max, and counts a non-finite number as 0", () => {
    const result = scoreBrief(
      {},
      rubric(
        criterion("over", 10, 25, "more"),
        criterion("under", 10, -4, "less"),
        criterion("nan", 10, Number.NaN, "n"),
        criterion("inf", 10, Number.POSITIVE_INFINITY, "i"),
      ),
    );
    expect(result.findings).toEqual([
      { criterion: "over", label: "Label over", points: 10, max: 10, message: "reason over" },
      { criterion: "under", label: "Label under", points: 0, max: 10, message: "reason under", fix: "less" },
      { criterion: "nan", label: "Label nan", points: 0, max: 10, message: "reason nan", fix: "n" },
      { criterion: "inf", label: "Label inf", points: 0, max: 10, message: "reason inf", fix: "i" },
    ]);
    // 10 of 40 points.
    expect(result.score).toBe(25);
  });

  it("normalises to 100 and grades at the thresholds, inclusive", () => {
    // 15 of 40 is 37.5; 30 of 40 is 75.
    expect(scoreBrief({}, rubric(criterion("a", 10, 10), criterion("b", 30, 5))).score).toBe(37.5);
    expect(scoreBrief({}, rubric(criterion("a", 10, 10), criterion("b", 30, 20)))).toMatchObject({
      score: 75,
      grade: "acceptable",
    });
    expect(scoreBrief({}, rubric(criterion("a", 100, 80)))).toMatchObject({ score: 80, grade: "strong" });
    expect(scoreBrief({}, rubric(criterion("a", 100, 79.5)))).toMatchObject({ score: 79.5, grade: "acceptable" });
    expect(scoreBrief({}, rubric(criterion("a", 100, 60)))).toMatchObject({ score: 60, grade: "acceptable" });
    expect(scoreBrief({}, rubric(criterion("a", 100, 59.5)))).toMatchObject({ score: 59.5, grade: "weak" });
    // A criterion worth nothing is allowed beside one that is worth something.
    expect(scoreBrief({}, rubric(criterion("zero", 0, 3, "x"), criterion("a", 4, 4))).findings[0]).toEqual({
      criterion: "zero",
      label: "Label zero",
      points: 0,
      max: 0,
      message: "reason zero",
    });
  });

  it("passes the prospect only when given", () => {
    const seen: boolean[] = [];
    const probe: RubricCriterion = {
      id: "probe",
      label: "Probe",
      max: 1,
      score: (context) => (seen.push("prospect" in context), { points: 1, message: "ok" }),
    };
    scoreBrief({}, rubric(probe));
    scoreBrief({}, rubric(probe), {});
    scoreBrief({}, rubric(probe), { prospect: champion });
    expect(seen).toEqual([false, false, true]);
  });

  it("names itself and the argument when the brief or the options are not objects", () => {
    expect(() => scoreBrief(null as never)).toThrow("(scoreBrief: brief must be an object: null)");
    expect(() => scoreBrief({}, DEFAULT_RUBRIC, 3 as never)).toThrow("(scoreBrief: options must be an object: 3)");
    expect(() => checkRejectionFeedback(3 as never)).toThrow("(checkRejectionFeedback: note must be a string: 3)");
  });

  it("refuses a rubric that is not one, or has no points to give, or a maximum out of range", () => {
    expect(() => scoreBrief({}, "default" as unknown as Rubric)).toThrow(
      "[handoff-kit] invalid_argument: An argument is not what the function accepts " +
        "(scoreBrief: rubric must be DEFAULT_RUBRIC or one like it: default)",
    );
    expect(() => scoreBrief({}, { id: "x", grades: { strong: 1, acceptable: 0 } } as unknown as Rubric)).toThrow(
      /invalid_argument.*scoreBrief: rubric must be DEFAULT_RUBRIC/,
    );
    const noPoints = '(scoreBrief: rubric "test"): criteria: The criteria have no points to give';
    expect(() => scoreBrief({}, rubric())).toThrow(noPoints);
    expect(() => scoreBrief({}, rubric(criterion("a", 0, 0)))).toThrow(noPoints);
    for (const max of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1_000_001]) {
      expect(() => scoreBrief({}, rubric(criterion("ok", 5, 5), criterion("bad", max, 0)))).toThrow(
        '(scoreBrief: rubric "test"): criteria[1].max: Expected a maximum from 0 to 1,000,000',
      );
    }
    expect(scoreBrief({}, rubric(criterion("big", 1_000_000, 500_000))).score).toBe(50);
    // Built by hand or loaded from a file: each malformed part is named.
    expect(() => scoreBrief({}, rubric(null as unknown as RubricCriterion))).toThrow(
      "(scoreBrief: rubric.criteria[0] must be { id, label, max, score } like DEFAULT_RUBRIC's criteria: null)",
    );
    expect(() =>
      scoreBrief({}, rubric(criterion("a", 1, 1), { id: "b", label: "B", max: 1 } as unknown as RubricCriterion)),
    ).toThrow('(scoreBrief: rubric "test"): criteria[1].score: Expected a function of the brief\'s context');
    expect(() => scoreBrief({}, { id: "test", criteria: [criterion("a", 1, 1)] } as unknown as Rubric)).toThrow(
      'invalid_config: The configuration is invalid (scoreBrief: rubric "test"): ' +
        "grades: Expected { strong, acceptable }, two scores from 0 to 100",
    );
    expect(() =>
      scoreBrief({}, {
        id: "test",
        criteria: [criterion("a", 1, 1)],
        grades: { strong: "80", acceptable: 60 },
      } as unknown as Rubric),
    ).toThrow("grades.strong: Expected a score from 0 to 100");
    expect(() =>
      scoreBrief({}, { id: "test", criteria: [criterion("a", 1, 1)], grades: { strong: 80 } } as unknown as Rubric),
    ).toThrow("grades.acceptable: Expected a score from 0 to 100");
    const broken = (value: unknown): RubricCriterion => ({
      id: "broken",
      label: "Broken",
      max: 1,
      score: () => value as { points: number; message: string },
    });
    expect(() => scoreBrief({}, rubric(broken(null)))).toThrow(
      "invalid_config: The configuration is invalid " +
        '(scoreBrief: rubric "test": criterion "broken" must return { points, message }: null)',
    );
    expect(() => scoreBrief({}, rubric(broken({ points: 1 })))).toThrow(
      /criterion "broken" must return \{ points, message \}/,
    );
    expect(() => scoreBrief(null as unknown as Brief)).toThrow(/invalid_argument/);
    expect(() => scoreBrief({}, DEFAULT_RUBRIC, null as unknown as { prospect?: Prospect })).toThrow(
      /invalid_argument/,
    );
  });
});

describe("checkCompleteness", () => {
  it("names the missing fields with their labels and the present ones, in the package's order", () => {
    const result = checkCompleteness({
      notes: "Board pack takes 3 days",
      trigger: { kind: "funding" },
      budget: { allocated: "no" },
    });
    expect(result.complete).toBe(false);
    expect(result.present).toEqual(["notes", "trigger", "budget"]);
    expect(result.missing).toEqual([
      { field: "discovery.prospectRole", label: "the prospect's role" },
      { field: "discovery.prompt", label: "what prompted the conversation" },
      { field: "discovery.problem", label: "the problem in the prospect's words" },
      { field: "icpFit.signal", label: "the signal that this is a real opportunity" },
      { field: "trigger.timing", label: "a sense of timing" },
      { field: "techStack.inUse", label: "the tools in use" },
    ]);
  });
  it("takes your own requirements, and refuses ones that are not a list", () => {
    const own = [
      {
        field: "competitors",
        label: "a named competitor",
        present: (brief: Brief) => (brief.competitors?.length ?? 0) > 0,
      },
    ];
    expect(checkCompleteness({ competitors: ["Clari"] }, own)).toEqual({
      complete: true,
      missing: [],
      present: ["competitors"],
    });
    expect(checkCompleteness({}, own)).toEqual({
      complete: false,
      missing: [{ field: "competitors", label: "a named competitor" }],
      present: [],
    });
    expect(() => checkCompleteness({}, "notes" as unknown as typeof own)).toThrow(/invalid_argument/);
    expect(() => checkCompleteness(undefined as unknown as Brief)).toThrow(/invalid_argument/);
    expect(() => checkCompleteness({}, [null] as never)).toThrow(
      "(checkCompleteness: requirements[0] must be { field, label, present } " +
        "like DEFAULT_BRIEF_REQUIREMENTS' entries: null)",
    );
  });
});

describe("defineRubric", () => {
  const criterionOf = (id: string, max: number): RubricCriterion => ({
    id,
    label: id.toUpperCase(),
    max,
    score: () => ({ points: max, message: "full" }),
  });

  it("returns the rubric frozen to the leaves, apart from the object passed in", () => {
    const spec = { id: "team", grades: { strong: 85, acceptable: 70 }, criteria: [criterionOf("a", 10)] };
    const defined = defineRubric(spec);
    expect(defined).toEqual(spec);
    expect(Object.isFrozen(defined) && Object.isFrozen(defined.criteria) && Object.isFrozen(defined.grades)).toBe(true);
    expect(Object.isFrozen(defined.criteria[0])).toBe(true);
    spec.criteria.push(criterionOf("b", 5));
    expect(defined.criteria.map((criterion) => criterion.id)).toEqual(["a"]);
    // 10 of 10 points: 100, strong at 85.
    expect(scoreBrief({}, defined)).toMatchObject({ score: 100, grade: "strong" });
  });

  it("the default rubric is one: frozen", () => {
    expect(Object.isFrozen(DEFAULT_RUBRIC) && Object.isFrozen(DEFAULT_RUBRIC.criteria)).toBe(true);
  });

  it("names every bad field by its path, in one invalid_config", () => {
    const bad = {
      id: "",
      grades: { strong: 60, acceptable: 80 },
      criteria: [criterionOf("a", 10), criterionOf("a", -1), { id: "c", label: 3, max: 1 }, null],
    } as unknown as Rubric;
    const error = (() => {
      try {
        defineRubric(bad);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })() as HandoffKitError;
    expect(error.code).toBe("invalid_config");
    expect(error.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["id", "invalid_type"],
      ["criteria.1.id", "duplicate_criterion"],
      ["criteria.1.max", "invalid_value"],
      ["criteria.2.label", "invalid_type"],
      ["criteria.2.score", "invalid_type"],
      ["criteria.3", "invalid_type"],
      ["grades.acceptable", "invalid_value"],
    ]);
    expect(() => defineRubric("strict" as never)).toThrow(
      "(defineRubric): (root): Expected a rubric: { id, criteria, grades }",
    );
  });
});
