/**
 * Qualification evidence and verdicts. This release has the generic record (evidence per criterion
 * key, in the field's evidence states); frameworks, SQL definitions and scoring follow.
 *
 * @packageDocumentation
 */
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
