/**
 * The handoff brief checked and scored: completeness against the required package, a 0-100 score
 * with coaching findings from a rubric that is data, generic-note and quote detection, rejection
 * feedback that teaches, the meeting-quality scale, a booking gate combining qualification and the
 * brief, the AE's one-screen brief and the warm intro email, and the weekly review sample.
 *
 * @module handoff-kit/rubric
 */
export { bookingGate, type BookingGateOptions } from "./booking-gate.js";
export { checkRejectionFeedback, type FeedbackCheck } from "./scoring/feedback.js";
export { MEETING_QUALITY_SCALE, meetingQualitySchema, parseMeetingQuality } from "./scoring/meeting-quality.js";
export {
  renderBrief,
  renderIntroEmail,
  type RenderBriefOptions,
  type RenderIntroEmailOptions,
} from "./rendering/render.js";
export { pickWalkthroughs, sampleForReview, type SampleForReviewOptions, type Walkthrough } from "./review/review.js";
export {
  checkCompleteness,
  DEFAULT_RUBRIC,
  scoreBrief,
  type ScoreBriefOptions,
  type BriefContext,
  type BriefScore,
  type Completeness,
  type Rubric,
  type RubricCriterion,
  type RubricFinding,
} from "./scoring/score.js";
export { defineRubric } from "./scoring/define-rubric.js";
export { detectGenericNotes, findQuotes, GENERIC_PHRASES, type GenericNoteCheck } from "./scoring/notes.js";
export { specificityOf, type SpecificitySignals } from "../qualification/index.js";
