/**
 * Qualification against a team's written SQL bar: frameworks as data (BANT, ANUM, CHAMP, MEDDIC,
 * MEDDICC, MEDDPICC, MEDDPICC-lite, and your own), evidence in the field's states, versioned and
 * signed-off definitions, verdicts that name every missing criterion and every vague piece of
 * evidence, ICP fit and intent scoring, crosswalks between frameworks, JSON Schema for forms, and
 * calibration across reviewers.
 *
 * @module handoff-kit/qualification
 */
export {
  calibrate,
  type Agreement,
  type CalibrateOptions,
  type Calibration,
  type CalibrationReview,
} from "./calibrate.js";
export { CROSSWALK_TABLE, crosswalk, type CrosswalkOptions, type CrosswalkResult, type Fidelity } from "./crosswalk.js";
export {
  evaluateQualification,
  type CriterionResult,
  type QualificationFinding,
  type EvaluateQualificationOptions,
  type QualificationVerdict,
  type VerdictStatus,
} from "./evaluate.js";
export {
  EVIDENCE_SOURCES,
  EVIDENCE_STATES,
  evidenceSchema,
  frameworkKeySchema,
  qualificationRecordSchema,
  VERDICT_STATUSES,
  verdictSnapshotSchema,
  type Evidence,
  type EvidenceSource,
  type EvidenceState,
  type QualificationRecord,
  type VerdictSnapshot,
} from "./evidence.js";
export { evidenceSchemaFor, parseEvidence, type FrameworkEvidence } from "./framework-evidence.js";
export {
  ANUM,
  BANT,
  CHAMP,
  defineFramework,
  FRAMEWORKS,
  MEDDIC,
  MEDDICC,
  MEDDPICC,
  MEDDPICC_LITE,
  type Criterion,
  type CriterionKey,
  type Framework,
} from "./frameworks.js";
export {
  defineIcp,
  scoreIcpFit,
  type IcpContribution,
  type IcpFit,
  type IcpProfile,
  type IcpRule,
  type IcpSpec,
  type IcpSubject,
} from "./icp.js";
export {
  DEFAULT_INTENT_WEIGHTS,
  INTENT_SIGNAL_KINDS,
  intentSignalSchema,
  parseIntentSignals,
  prioritize,
  type PrioritizeOptions,
  scoreIntent,
  type ScoreIntentOptions,
  type IntentScore,
  type IntentSignal,
  type IntentSignalKind,
  type IntentWeights,
} from "./intent.js";
export { toJsonSchema, type JsonSchemaExport } from "./json-schema.js";
export { specificityOf, type SpecificitySignals } from "./specificity.js";
export {
  defineSqlDefinition,
  REQUIREMENT_STATES,
  type RequirementState,
  type SignOff,
  type SqlDefinition,
  type SqlDefinitionSpec,
} from "./sql-definition.js";
