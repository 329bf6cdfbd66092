/**
 * handoff-kit: the SDR-to-AE sales handoff as a checked, measured contract.
 *
 * The root holds the names a first-time user needs: those of the README's quick start and of each
 * guide's first steps, with their option and result types and {@link HandoffKitError}. Everything
 * else lives in the module that gives it meaning: `handoff-kit/handoff`, `handoff-kit/qualification`,
 * `handoff-kit/sla`, `handoff-kit/rubric` and `handoff-kit/metrics` (which also hold every name
 * re-exported here). docs/architecture.md, "The root entry", says how the list is chosen.
 *
 * ## By task
 *
 * - **Check a record**: {@link parseHandoffs}, {@link parseHandoff}, {@link parseHandoffEvent}; misuse
 *   throws {@link HandoffKitError}, bad data comes back as {@link Issue}s with one of {@link ISSUE_CODES}.
 * - **Run the lifecycle**: {@link applyEvent}, {@link replay}, {@link stateOf}, {@link summarize}, under
 *   {@link defineLifecycle}'s rules (or {@link LENIENT_LIFECYCLE}), with {@link openGate} or
 *   {@link bookingGate} before booking.
 * - **Qualify**: {@link defineSqlDefinition} over a framework such as {@link BANT} (or your own, by
 *   {@link defineFramework}), with an ICP by {@link defineIcp}; {@link parseEvidence}, then
 *   {@link evaluateQualification}.
 * - **Time the SLAs**: {@link defineCalendar} or {@link parseCalendar}, {@link defineSlaPolicy} or the
 *   built-in {@link AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY} and {@link HANDOFF_SLA_POLICIES}, durations by
 *   {@link days}, {@link hours}, {@link minutes} and {@link seconds}; {@link addBusinessTime},
 *   {@link evaluateSla}, and {@link explainSla} in words.
 * - **Judge the brief**: {@link checkCompleteness}, {@link scoreBrief} against {@link DEFAULT_RUBRIC}
 *   (or your own, by {@link defineRubric}), {@link renderBrief}.
 * - **Measure**: {@link scoreboard}, {@link assessHealth} against {@link DEFAULT_HEALTH_BANDS} (or
 *   your own, by {@link defineHealthBands}), {@link huddleReport} and {@link renderHuddleReport}.
 *
 * @module handoff-kit
 */

// What every module answers with: results for bad data, one error class for misuse.
export { HandoffKitError, type HandoffKitErrorDetails } from "./core/error.js";
export type { ErrorCode } from "./core/messages.js";
export { ISSUE_CODES, type Issue, type IssueCode, type IssuePath } from "./core/issue.js";
export type { BatchResult, InvalidRecord, ParseOptions, Result, ValidRecord } from "./core/result.js";
export type { DeepReadonly } from "./core/deep-readonly.js";

// A handoff: its record, checked, and its lifecycle.
export {
  applyEvent,
  defineLifecycle,
  LENIENT_LIFECYCLE,
  openGate,
  parseHandoff,
  parseHandoffEvent,
  parseHandoffs,
  replay,
  stateOf,
  summarize,
  type ApplyResult,
  type BookingGate,
  type GateDecision,
  type Handoff,
  type HandoffEvent,
  type HandoffSummary,
  type LifecycleRules,
  type LifecycleState,
  type HandoffOptions,
  type LifecycleSpec,
  type ReplayResult,
  type SummarizeOptions,
} from "./handoff/index.js";

// The SQL bar and the verdict on a prospect's evidence.
export {
  BANT,
  defineFramework,
  defineIcp,
  defineSqlDefinition,
  evaluateQualification,
  parseEvidence,
  type EvaluateQualificationOptions,
  type Framework,
  type FrameworkEvidence,
  type IcpProfile,
  type IcpSpec,
  type QualificationVerdict,
  type SqlDefinition,
  type SqlDefinitionSpec,
} from "./qualification/index.js";

// Business calendars and SLA clocks.
export {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  addBusinessTime,
  days,
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  explainSla,
  HANDOFF_SLA_POLICIES,
  hours,
  minutes,
  parseCalendar,
  seconds,
  type Calendar,
  type CalendarSpec,
  type EvaluateSlaOptions,
  type ExplainSlaOptions,
  type InstantInput,
  type Milliseconds,
  type SlaEvaluation,
  type SlaPolicy,
  type SlaPolicySpec,
} from "./sla/index.js";

// The brief: complete, scored, rendered; the gate before booking.
export {
  bookingGate,
  checkCompleteness,
  DEFAULT_RUBRIC,
  defineRubric,
  renderBrief,
  scoreBrief,
  type BookingGateOptions,
  type BriefScore,
  type Completeness,
  type RenderBriefOptions,
  type Rubric,
  type ScoreBriefOptions,
} from "./rubric/index.js";

// The numbers and the weekly huddle.
export {
  assessHealth,
  DEFAULT_HEALTH_BANDS,
  defineHealthBands,
  huddleReport,
  renderHuddleReport,
  scoreboard,
  type AssessHealthOptions,
  type HealthBand,
  type HealthReport,
  type HuddleReportOptions,
  type HuddleReport,
  type RenderHuddleReportOptions,
  type Scoreboard,
  type ScoreboardInput,
  type ScoreboardOptions,
} from "./metrics/index.js";
