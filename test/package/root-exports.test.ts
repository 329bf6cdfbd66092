import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as root from "../../src/index.js";
import * as handoff from "../../src/handoff/index.js";
import * as metrics from "../../src/metrics/index.js";
import * as qualification from "../../src/qualification/index.js";
import * as rubric from "../../src/rubric/index.js";
import * as sla from "../../src/sla/index.js";

// The root is chosen by hand (docs/architecture.md, "The root entry"): the names of the README's quick
// start and of each guide's first steps, their option and result types, and the error class. A name
// added to a module does not reach the root unless it is added here too, on purpose.
const ROOT_VALUES = [
  // What every module answers with.
  "HandoffKitError",
  "ISSUE_CODES",
  // handoff
  "applyEvent",
  "defineLifecycle",
  "LENIENT_LIFECYCLE",
  "openGate",
  "parseHandoff",
  "parseHandoffEvent",
  "parseHandoffs",
  "replay",
  "stateOf",
  "summarize",
  // qualification
  "BANT",
  "defineSqlDefinition",
  "defineFramework",
  "defineIcp",
  "evaluateQualification",
  "parseEvidence",
  // sla
  "AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY",
  "addBusinessTime",
  "days",
  "defineCalendar",
  "defineSlaPolicy",
  "evaluateSla",
  "explainSla",
  "HANDOFF_SLA_POLICIES",
  "hours",
  "minutes",
  "parseCalendar",
  "seconds",
  // rubric
  "bookingGate",
  "checkCompleteness",
  "DEFAULT_RUBRIC",
  "defineRubric",
  "renderBrief",
  "scoreBrief",
  // metrics
  "assessHealth",
  "DEFAULT_HEALTH_BANDS",
  "defineHealthBands",
  "huddleReport",
  "renderHuddleReport",
  "scoreboard",
];

const ROOT_TYPES = [
  "ApplyResult",
  "BookingGate",
  "CalendarSpec",
  "ExplainSlaOptions",
  "GateDecision",
  "Rubric",
  "SummarizeOptions",
  "BatchResult",
  "BriefScore",
  "Calendar",
  "DeepReadonly",
  "ErrorCode",
  "EvaluateSlaOptions",
  "Handoff",
  "HandoffEvent",
  "HandoffKitErrorDetails",
  "HandoffSummary",
  "HealthReport",
  "HuddleReportOptions",
  "HuddleReport",
  "InstantInput",
  "InvalidRecord",
  "Issue",
  "IssueCode",
  "IssuePath",
  "LifecycleRules",
  "LifecycleState",
  "Milliseconds",
  "ParseOptions",
  "EvaluateQualificationOptions",
  "QualificationVerdict",
  "RenderBriefOptions",
  "ReplayResult",
  "Result",
  "Scoreboard",
  "ScoreboardOptions",
  "SlaEvaluation",
  "SlaPolicy",
  "SqlDefinition",
  "ValidRecord",
  // The option, input and result types of the root's functions.
  "AssessHealthOptions",
  "BookingGateOptions",
  "Completeness",
  "Framework",
  "FrameworkEvidence",
  "HandoffOptions",
  "HealthBand",
  "IcpProfile",
  "IcpSpec",
  "LifecycleSpec",
  "RenderHuddleReportOptions",
  "ScoreBriefOptions",
  "ScoreboardInput",
  "SlaPolicySpec",
  "SqlDefinitionSpec",
];

const byName = (names: readonly string[]): string[] => [...names].sort((a, b) => a.localeCompare(b, "en"));

/** Every name the root's declarations export, types included, as a consumer's compiler sees them. */
function rootExportNames(): string[] {
  const file = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
  const program = ts.createProgram([file], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (symbol === undefined) throw new Error("no module symbol for src/index.ts");
  return checker.getExportsOfModule(symbol).map((exported) => exported.name);
}

describe("the root entry", () => {
  it("holds exactly the hand-picked values", () => {
    expect(byName(Object.keys(root))).toEqual(byName(ROOT_VALUES));
  });

  it("holds exactly the hand-picked names, types included", { timeout: 60_000 }, () => {
    expect(byName(rootExportNames())).toEqual(byName([...ROOT_VALUES, ...ROOT_TYPES]));
  });

  it("stays small: a first-time user reads it in one sitting", () => {
    // Every definition a user writes (define*) and the first step of each guide: 42 names today.
    expect(ROOT_VALUES.length).toBeLessThanOrEqual(45);
  });

  it("re-exports each value from its module: the same object, so either import works", () => {
    const modules: readonly Readonly<Record<string, unknown>>[] = [handoff, qualification, sla, rubric, metrics];
    const homeless = Object.entries(root)
      .filter(([name]) => name !== "HandoffKitError" && name !== "ISSUE_CODES")
      .filter(([name, value]) => !modules.some((module) => module[name] === value))
      .map(([name]) => name);
    expect(homeless).toEqual([]);
  });

  it("lists every value by task on its API page (the module comment), and nothing else", () => {
    const source = ts.sys.readFile(fileURLToPath(new URL("../../src/index.ts", import.meta.url))) ?? "";
    const comment = source.slice(0, source.indexOf("@module"));
    const linked = new Set(Array.from(comment.matchAll(/\{@link (\w+)\}/gu), (match) => match[1]));
    expect(ROOT_VALUES.filter((name) => !linked.has(name))).toEqual([]);
    expect(
      [...linked].filter((name) => name !== undefined && !ROOT_VALUES.includes(name) && !ROOT_TYPES.includes(name)),
    ).toEqual([]);
  });
});
