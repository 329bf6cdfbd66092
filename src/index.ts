/**
 * handoff-kit: the SDR-to-AE sales handoff as a checked, measured contract. The root re-exports a
 * hand-picked set of names; each module is also its own entry point (`handoff-kit/handoff`,
 * `handoff-kit/qualification`, `handoff-kit/sla`, `handoff-kit/rubric`, `handoff-kit/metrics`), so a
 * consumer pays only for what it imports.
 *
 * @packageDocumentation
 */
export { HandoffKitError, type HandoffKitErrorDetails } from "./core/error.js";
export type { ErrorCode } from "./core/messages.js";
export { ISSUE_CODES, type Issue, type IssueCode, type IssuePath } from "./core/issue.js";
export type { BatchResult, InvalidRecord, ParseOptions, Result, ValidRecord } from "./core/result.js";
export type { DeepReadonly } from "./core/deep-readonly.js";
export * from "./handoff/index.js";
export * from "./qualification/index.js";
export * from "./sla/index.js";
export * from "./rubric/index.js";
export * from "./metrics/index.js";
