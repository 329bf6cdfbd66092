import { requireFramework } from "./frameworks.js";
import * as z from "zod";
import { HandoffKitError } from "../core/error.js";
import { describeValue } from "../core/describe-value.js";
import { isRecord } from "../core/guards.js";
import { parseWith } from "../core/parse.js";
import type { ParseOptions, Result } from "../core/result.js";
import { EVIDENCE_STATES, evidenceSchema, type Evidence } from "./evidence.js";
import type { CriterionKey, Framework } from "./frameworks.js";

/**
 * Evidence recorded against one framework: its key, and evidence for any of its criteria. The
 * framework key is a literal type, so BANT evidence cannot be passed where MEDDPICC evidence is
 * expected.
 *
 * @example
 * ```ts
 * import type { BANT, FrameworkEvidence } from "handoff-kit/qualification";
 * const lead: FrameworkEvidence<typeof BANT> = {
 *   framework: "bant",
 *   evidence: { budget: { state: "noted", note: "$40k approved for Q1" } },
 * };
 * ```
 * @category Evidence
 */
export interface FrameworkEvidence<F extends Framework> {
  readonly framework: F["key"];
  readonly evidence: Readonly<Partial<Record<CriterionKey<F>, Evidence>>>;
}

/**
 * The zod schema for evidence against one framework: the framework key must match and every
 * criterion key must be one of the framework's.
 *
 * @example
 * ```ts
 * import { BANT, evidenceSchemaFor } from "handoff-kit/qualification";
 * evidenceSchemaFor(BANT).safeParse({ framework: "bant", evidence: { budgt: { state: "noted" } } }).success; // false
 * ```
 * @category Evidence
 */
export function evidenceSchemaFor<F extends Framework>(framework: F): z.ZodType<FrameworkEvidence<F>> {
  requireFramework(framework, "evidenceSchemaFor", "framework");
  const shape = Object.fromEntries(framework.criteria.map((criterion) => [criterion.key, evidenceSchema.optional()]));
  return z.object({
    framework: z.literal(framework.key, {
      error: `Expected evidence for the ${framework.name} framework ("${framework.key}")`,
    }),
    evidence: z.strictObject(shape),
  }) as unknown as z.ZodType<FrameworkEvidence<F>>;
}

/**
 * Checks untrusted evidence (a CRM record's qualification, a form) against a framework: unknown
 * criterion keys and evidence for another framework are issues with paths. Never throws on data.
 *
 * @example
 * ```ts
 * import { MEDDPICC_LITE, parseEvidence } from "handoff-kit/qualification";
 *
 * const result = parseEvidence({ framework: "bant", evidence: { budget: { state: "noted" } } }, MEDDPICC_LITE);
 * if (!result.ok) console.log(result.issues.map((issue) => issue.path.join("."))); // ["framework", "evidence.budget"]
 * ```
 * @category Evidence
 */
export function parseEvidence<F extends Framework>(
  input: unknown,
  framework: F,
  options: ParseOptions = {},
): Result<FrameworkEvidence<F>> {
  requireFramework(framework, "parseEvidence", "framework");
  return parseWith(evidenceSchemaFor(framework), input, options, "parseEvidence");
}

/**
 * Throws `invalid_argument` unless `value` has the shape `evaluateQualification` and `crosswalk` read:
 * a framework key, and per criterion a record with a known state and text (or no text) for its note
 * and quote. Typed code always passes; evidence straight from a CRM or a form, unparsed, is misuse
 * named with its first bad field, so the caller learns to call `parseEvidence` instead of meeting a
 * `TypeError` deep inside.
 */
export function checkEvidenceArgument(value: unknown, fn: string): void {
  const problem = evidenceProblem(value);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn} expects evidence as parseEvidence returns it: ${problem}`,
    });
}

function evidenceProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `the evidence is ${describeValue(value)}`;
  const { framework, evidence } = value as { framework?: unknown; evidence?: unknown };
  if (typeof framework !== "string") return `framework is ${describeValue(framework)}`;
  if (!isRecord(evidence)) return `evidence is ${describeValue(evidence)}`;
  for (const [key, record] of Object.entries(evidence)) {
    if (record === undefined) continue;
    if (!isRecord(record)) return `evidence.${key} is ${describeValue(record)}`;
    const { state, note, quote } = record as { state?: unknown; note?: unknown; quote?: unknown };
    if (typeof state !== "string" || !(EVIDENCE_STATES as readonly string[]).includes(state))
      return `evidence.${key}.state is ${describeValue(state)}`;
    if (note !== undefined && typeof note !== "string") return `evidence.${key}.note is ${describeValue(note)}`;
    if (quote !== undefined && typeof quote !== "string") return `evidence.${key}.quote is ${describeValue(quote)}`;
  }
  return undefined;
}
