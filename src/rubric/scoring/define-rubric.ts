import { describeValue } from "../../core/describe-value.js";
import { HandoffKitError } from "../../core/error.js";
import { isRecord, requireEach } from "../../core/guards.js";
import type { Issue } from "../../core/issue.js";
import type { Rubric, RubricCriterion } from "./score.js";

// Rubrics defineRubric made: frozen to the leaves, so once checked they stay rubrics. A cache of a
// fact about immutable values, not state a caller can observe.
const DEFINED = /* @__PURE__ */ new WeakSet<Rubric>();

const MAX_POINTS = 1e6;

/** What is wrong with a rubric, each at its path: empty when `scoreBrief` can apply it. */
function rubricIssues(value: unknown): Issue[] {
  const issues: Issue[] = [];
  const problem = (path: Issue["path"], code: Issue["code"], message: string): void => {
    issues.push({ code, path, message });
  };
  if (!isRecord(value)) {
    problem([], "invalid_type", "Expected a rubric: { id, criteria, grades }");
    return issues;
  }
  const rubric = value as Partial<Record<keyof Rubric, unknown>>;
  if (typeof rubric.id !== "string" || rubric.id.length === 0)
    problem(["id"], "invalid_type", "Expected a non-empty id");
  const criteria: unknown = rubric.criteria;
  if (!Array.isArray(criteria)) problem(["criteria"], "invalid_type", "Expected a list of criteria");
  const seen = new Set<string>();
  let total = 0;
  (Array.isArray(criteria) ? criteria : []).forEach((criterion: unknown, index) => {
    if (!isRecord(criterion)) {
      problem(["criteria", index], "invalid_type", "Expected { id, label, max, score }");
      return;
    }
    const { id, label, max, score } = criterion as Partial<Record<keyof RubricCriterion, unknown>>;
    if (typeof id !== "string" || id.length === 0)
      problem(["criteria", index, "id"], "invalid_type", "Expected a non-empty id");
    else if (seen.has(id)) problem(["criteria", index, "id"], "duplicate_criterion", `Duplicate criterion id "${id}"`);
    else seen.add(id);
    if (typeof label !== "string") problem(["criteria", index, "label"], "invalid_type", "Expected a label");
    // A negative or endless maximum would let the score leave 0-100.
    if (typeof max !== "number" || !(max >= 0 && max <= MAX_POINTS))
      problem(["criteria", index, "max"], "invalid_value", "Expected a maximum from 0 to 1,000,000");
    else total += max;
    if (typeof score !== "function")
      problem(["criteria", index, "score"], "invalid_type", "Expected a function of the brief's context");
  });
  if (Array.isArray(criteria) && issues.length === 0 && !(total > 0))
    problem(["criteria"], "too_small", "The criteria have no points to give");
  const grades: unknown = rubric.grades;
  if (!isRecord(grades))
    problem(["grades"], "invalid_type", "Expected { strong, acceptable }, two scores from 0 to 100");
  else {
    const { strong, acceptable } = grades as { strong?: unknown; acceptable?: unknown };
    const isScore = (value: unknown): value is number => typeof value === "number" && value >= 0 && value <= 100;
    if (!isScore(strong)) problem(["grades", "strong"], "invalid_value", "Expected a score from 0 to 100");
    if (!isScore(acceptable)) problem(["grades", "acceptable"], "invalid_value", "Expected a score from 0 to 100");
    else if (isScore(strong) && acceptable > strong)
      problem(["grades", "acceptable"], "invalid_value", "Expected a score no higher than strong's");
  }
  return issues;
}

/**
 * Throws unless `rubric` is one `scoreBrief` can apply: `invalid_argument` when it is not a rubric at
 * all, `invalid_config` with each bad field's path when one of its parts is wrong.
 */
export function requireRubric(rubric: Rubric, fn: string): void {
  if (DEFINED.has(rubric)) return;
  if (!isRecord(rubric) || !Array.isArray((rubric as { criteria?: unknown }).criteria))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: rubric must be DEFAULT_RUBRIC or one like it: ${describeValue(rubric)}`,
    });
  requireEach(
    rubric.criteria,
    isRecord,
    fn,
    "rubric.criteria",
    "must be { id, label, max, score } like DEFAULT_RUBRIC's criteria",
  );
  const issues = rubricIssues(rubric);
  if (issues.length > 0)
    throw new HandoffKitError("invalid_config", { detail: `${fn}: rubric "${describeValue(rubric.id)}"`, issues });
}

/**
 * Checks a rubric a team writes and returns it frozen to the leaves: a non-empty id, criteria with
 * distinct ids, labels, a maximum from 0 to 1,000,000 each (some points to give in all) and a
 * scoring function, and grades for strong and acceptable from 0 to 100, acceptable no higher than
 * strong. Throws `invalid_config` with an issue at each bad field's path. Later edits to the object
 * passed in do not reach the rubric.
 *
 * @example
 * ```ts
 * import { DEFAULT_RUBRIC, defineRubric } from "handoff-kit/rubric";
 *
 * // The field's rubric with a stricter bar, and with one criterion of the team's own.
 * const ours = defineRubric({
 *   id: "team-qa",
 *   grades: { strong: 85, acceptable: 70 },
 *   criteria: [
 *     ...DEFAULT_RUBRIC.criteria,
 *     {
 *       id: "competitors",
 *       label: "Competitors named",
 *       max: 5,
 *       score: ({ brief }) =>
 *         (brief.competitors?.length ?? 0) > 0
 *           ? { points: 5, message: "Competitors are named" }
 *           : { points: 0, message: "No competitor named", fix: "Ask who else they are talking to" },
 *     },
 *   ],
 * });
 * ```
 * @category Scoring briefs
 */
export function defineRubric(spec: Rubric): Rubric {
  const issues = rubricIssues(spec);
  if (issues.length > 0) throw new HandoffKitError("invalid_config", { detail: "defineRubric", issues });
  const rubric: Rubric = Object.freeze({
    id: spec.id,
    grades: Object.freeze({ strong: spec.grades.strong, acceptable: spec.grades.acceptable }),
    criteria: Object.freeze(spec.criteria.map((criterion) => Object.freeze({ ...criterion }))),
  });
  DEFINED.add(rubric);
  return rubric;
}
