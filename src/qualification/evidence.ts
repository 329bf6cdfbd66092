import * as z from "zod";
import { idSchema, instantSchema, textSchema } from "../core/schemas.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * How strongly a criterion is evidenced, weakest first, modelled on the field's evidence states
 * (Gong's playbook fields: empty, suggested by AI notes, noted by a rep, validated) plus
 * `disqualifying`, evidence that the criterion rules the lead out.
 *
 * @example
 * ```ts
 * import { EVIDENCE_STATES } from "handoff-kit/qualification";
 * EVIDENCE_STATES.indexOf("validated") > EVIDENCE_STATES.indexOf("noted"); // true
 * ```
 * @category Evidence
 */
export const EVIDENCE_STATES = ["unknown", "suggested", "noted", "validated", "disqualifying"] as const;

/**
 * One of {@link EVIDENCE_STATES}.
 *
 * @example
 * ```ts
 * import type { EvidenceState } from "handoff-kit/qualification";
 * const state: EvidenceState = "validated";
 * ```
 * @category Evidence
 */
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/**
 * Where a piece of evidence came from.
 *
 * @example
 * ```ts
 * import { EVIDENCE_SOURCES } from "handoff-kit/qualification";
 * EVIDENCE_SOURCES.includes("ai_notes"); // true
 * ```
 * @category Evidence
 */
export const EVIDENCE_SOURCES = ["call", "email", "meeting", "form", "enrichment", "ai_notes"] as const;

/**
 * One of {@link EVIDENCE_SOURCES}.
 *
 * @example
 * ```ts
 * import type { EvidenceSource } from "handoff-kit/qualification";
 * const source: EvidenceSource = "call";
 * ```
 * @category Evidence
 */
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * The evidence recorded for one qualification criterion: its state, the rep's note, the prospect's
 * own words, where it came from, who recorded it and when.
 *
 * @example
 * ```ts
 * import { evidenceSchema } from "handoff-kit/qualification";
 *
 * const evidence = evidenceSchema.parse({
 *   state: "validated",
 *   note: "Dana Ruiz (VP RevOps) owns the reporting budget",
 *   quote: "It's my budget line, and it's approved for Q4.",
 *   source: "call",
 *   recordedBy: "sdr-ana",
 *   recordedAt: "2026-11-03T15:20:00Z",
 * });
 * ```
 * @category Evidence
 */
export const evidenceSchema = /* @__PURE__ */ pure(() =>
  z.object({
    state: z.enum(EVIDENCE_STATES),
    note: textSchema.optional(),
    quote: textSchema.optional(),
    source: z.enum(EVIDENCE_SOURCES).optional(),
    recordedBy: idSchema.optional(),
    recordedAt: instantSchema.optional(),
  }),
);

/**
 * Parsed evidence for one criterion; see {@link evidenceSchema}.
 *
 * @example
 * ```ts
 * import type { Evidence } from "handoff-kit/qualification";
 * const evidence: Evidence = { state: "noted", note: "Timeline: go-live before 2027-03-31" };
 * ```
 * @category Evidence
 */
export type Evidence = DeepReadonly<z.output<typeof evidenceSchema>>;

/**
 * A criterion key: an identifier (`budget`, `economicBuyer`), in evidence records and in
 * `defineFramework`. zod itself skips a `__proto__` key, so untrusted input cannot swap the parsed
 * record's prototype; a `constructor` key is an own property.
 */
export const criterionKeySchema = /* @__PURE__ */ pure(() =>
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    error: "A criterion key starts with a letter and has only letters, digits and underscores",
  }),
);

/**
 * A framework key such as `bant` or `meddpicc_lite`: lower case, digits and underscores.
 *
 * @example
 * ```ts
 * import { frameworkKeySchema } from "handoff-kit/qualification";
 * frameworkKeySchema.safeParse("meddpicc_lite").success; // true
 * ```
 * @category Frameworks
 */
export const frameworkKeySchema = /* @__PURE__ */ pure(() =>
  z.string().regex(/^[a-z][a-z0-9_]*$/, { error: "A framework key is lower case letters, digits and underscores" }),
);

/**
 * The verdicts a qualification can reach.
 *
 * @example
 * ```ts
 * import { VERDICT_STATUSES } from "handoff-kit/qualification";
 * VERDICT_STATUSES.length; // 3
 * ```
 * @category Verdicts
 */
export const VERDICT_STATUSES = ["qualified", "not_qualified", "disqualified"] as const;

/**
 * A verdict as stored on a record: which SQL definition (id and version) judged the evidence, what it
 * said, and when. The evaluation itself comes with the qualification module.
 *
 * @example
 * ```ts
 * import { verdictSnapshotSchema } from "handoff-kit/qualification";
 * verdictSnapshotSchema.parse({
 *   status: "qualified",
 *   definitionId: "sql-2026",
 *   definitionVersion: 3,
 *   evaluatedAt: "2026-11-03T15:30:00Z",
 * });
 * ```
 * @category Verdicts
 */
export const verdictSnapshotSchema = /* @__PURE__ */ pure(() =>
  z.object({
    status: z.enum(VERDICT_STATUSES),
    definitionId: idSchema,
    definitionVersion: z.number().int().positive(),
    evaluatedAt: instantSchema,
  }),
);

/**
 * A parsed verdict snapshot; see {@link verdictSnapshotSchema}.
 *
 * @example
 * ```ts
 * import type { VerdictSnapshot } from "handoff-kit/qualification";
 * const snapshot: VerdictSnapshot = {
 *   status: "not_qualified",
 *   definitionId: "sql-2026",
 *   definitionVersion: 3,
 *   evaluatedAt: new Date("2026-11-03T15:30:00Z"),
 * };
 * ```
 * @category Verdicts
 */
export type VerdictSnapshot = DeepReadonly<z.output<typeof verdictSnapshotSchema>>;

/**
 * A lead's qualification as recorded: the framework, the evidence per criterion key, and optionally
 * the last verdict. Criterion keys are checked against the framework by the qualification module.
 *
 * @example
 * ```ts
 * import { qualificationRecordSchema } from "handoff-kit/qualification";
 *
 * const record = qualificationRecordSchema.parse({
 *   framework: "bant",
 *   evidence: {
 *     budget: { state: "noted", note: "Budget allocated for Q1, about $40k" },
 *     authority: { state: "validated", note: "Talking to the VP Sales, who signs" },
 *   },
 * });
 * ```
 * @category Evidence
 */
export const qualificationRecordSchema = /* @__PURE__ */ pure(() =>
  z.object({
    framework: frameworkKeySchema,
    evidence: z.record(criterionKeySchema, evidenceSchema),
    verdict: verdictSnapshotSchema.optional(),
  }),
);

/**
 * A parsed qualification record; see {@link qualificationRecordSchema}.
 *
 * @example
 * ```ts
 * import type { QualificationRecord } from "handoff-kit/qualification";
 * const record: QualificationRecord = {
 *   framework: "anum",
 *   evidence: { need: { state: "noted", note: "Churn reporting takes 3 days a month" } },
 * };
 * ```
 * @category Evidence
 */
export type QualificationRecord = DeepReadonly<z.output<typeof qualificationRecordSchema>>;
