import { HandoffKitError } from "../core/error.js";
import { pure } from "../core/pure.js";
import {
  fieldProblem,
  isNumber,
  isText,
  isValidDate,
  listOf,
  ofType,
  oneOf,
  optional,
  type ShapeCheck,
  shapeOf,
} from "../core/shape.js";
import type { SlaCycle, SlaEvaluation, SlaTrace } from "./evaluate.js";
import { targetProblem } from "./policy.js";

const span = /* @__PURE__ */ pure(() => shapeOf({ start: isValidDate, end: isValidDate }));

const CYCLE_STATES = /* @__PURE__ */ oneOf([
  "running",
  "paused",
  "met",
  "breached",
  "cancelled",
] satisfies SlaCycle["state"][]);

const TRACE_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      target: (value) => targetProblem(value) === undefined,
      timeZone: optional(isText),
      baseDeadline: isValidDate,
      counted: listOf(span),
      truncated: ofType("boolean"),
      skipped: listOf(shapeOf({ date: isText, kind: isText, name: optional(isText) })),
      pauses: listOf(shapeOf({ from: isValidDate, to: optional(isValidDate), added: isNumber })),
      cap: optional(shapeOf({ label: isText, at: isValidDate, applied: ofType("boolean") })),
    }) as const satisfies Partial<Record<keyof SlaTrace, ShapeCheck>>,
);

const CYCLE_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      index: isNumber,
      state: CYCLE_STATES,
      startedAt: isValidDate,
      deadline: isValidDate,
      stoppedAt: optional(isValidDate),
      cancelledAt: optional(isValidDate),
      remaining: shapeOf({ business: isNumber, calendar: isNumber }),
      fractionUsed: isNumber,
      thresholds: listOf(shapeOf({ fraction: isNumber, at: isValidDate, reached: ofType("boolean") })),
      trace: shapeOf(TRACE_FIELDS),
    }) as const satisfies Partial<Record<keyof SlaCycle, ShapeCheck>>,
);

const EVALUATION_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      policyId: isText,
      label: isText,
      state: isText,
      cycles: Array.isArray,
      issues: listOf(
        shapeOf({
          code: isText,
          path: listOf((step) => typeof step === "string" || typeof step === "number"),
          message: isText,
        }),
      ),
    }) as const satisfies Partial<Record<keyof SlaEvaluation, ShapeCheck>>,
);

/**
 * Throws `invalid_argument` unless `value` has the shape `evaluateSla` returns, as far as
 * `explainSla` reads it (each cycle with its instants and trace, each issue). Typed code always
 * passes; an evaluation built by hand or read back from JSON (its Dates as text) is answered with the
 * part that is wrong, instead of a `TypeError`.
 */
export function requireEvaluation(value: unknown, fn: string): asserts value is SlaEvaluation {
  const problem = evaluationProblem(value);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", { detail: `${fn} expects what evaluateSla returns: ${problem}` });
}

function evaluationProblem(value: unknown): string | undefined {
  const problem = fieldProblem(value, EVALUATION_FIELDS, "");
  if (problem !== undefined) return problem;
  const cycles = (value as { cycles: readonly unknown[] }).cycles;
  for (const [index, cycle] of cycles.entries()) {
    const path = `cycles[${String(index)}]`;
    const cycleProblem = fieldProblem(cycle, CYCLE_FIELDS, path);
    // A trace is read deep: name its field rather than the whole trace.
    if (cycleProblem?.startsWith(`${path}.trace is`) === true)
      return fieldProblem((cycle as { trace: unknown }).trace, TRACE_FIELDS, `${path}.trace`);
    if (cycleProblem !== undefined) return cycleProblem;
  }
  return undefined;
}
