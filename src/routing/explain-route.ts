import type { RouteResult } from "./route.js";

const REASONS = {
  away: "away",
  out_of_office: "out of office",
  off_hours: "off hours",
  capped_day: "at the day's cap",
  capped_week: "at the week's cap",
  capped_month: "at the month's cap",
} as const;

/** A share in words: whole numbers as they are, others to two places. */
const amount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * A routing decision in one English sentence: who took the lead and by what (the account's owner, a
 * rule or the fallback, the queue), why each earlier rule did not match, who was passed over and why,
 * and how the member chosen stood (its leads this period against the share it had earned).
 *
 * @example
 * ```ts
 * import { defineRouting, explainRoute, route } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [{ id: "emea", when: { territory: ["EMEA"] }, queue: "emea" }],
 *   fallback: "team",
 *   queues: [
 *     { id: "emea", members: [{ rep: "ae-luca", weight: 1 }], strategy: "weighted", timeZone: "UTC", reset: "never" },
 *     { id: "team", members: [{ rep: "ae-ben", weight: 1 }], strategy: "weighted", timeZone: "UTC", reset: "never" },
 *   ],
 *   seed: "s",
 * });
 * const now = new Date("2026-12-04T15:00:00Z");
 * const result = route(undefined, { id: "lead-7", territory: "APAC" }, routing, { now });
 * explainRoute(result);
 * // 'lead-7 to ae-ben by the fallback queue "team" (rule emea: territory "APAC" is not EMEA);
 * //  ae-ben had taken 0 leads this period of 1 earned'
 * ```
 * @category Routing
 */
export function explainRoute(result: Omit<RouteResult, "state">): string {
  const { explanation } = result;
  const owner = explanation.owner;
  if (result.by === "account_owner" && owner !== undefined)
    return `${result.lead} to ${owner.owner}, the owner of ${owner.domain}`;
  const parts: string[] = [];
  if (owner !== undefined) parts.push(`the owner of ${owner.domain}, ${owner.owner}, is away`);
  const failed = explanation.rules
    .filter((reading) => !reading.matched)
    .map((reading) => `rule ${reading.rule}: ${reading.failed.join(", ")}`);
  const how = result.rule === undefined ? "the fallback queue" : `rule ${result.rule}, queue`;
  const head =
    result.assignee === undefined
      ? `${result.lead}: no one free in ${how} "${result.queue ?? ""}"`
      : `${result.lead} to ${result.assignee} by ${how} "${result.queue ?? ""}"`;
  const passed = explanation.passed.map(({ rep, skipped }) => `${rep} ${REASONS[skipped]}`);
  if (passed.length > 0) parts.push(`passed over: ${passed.join(", ")}`);
  const choice = explanation.choice;
  if (choice !== undefined)
    parts.push(
      `${choice.rep} had taken ${String(choice.count)} lead${choice.count === 1 ? "" : "s"} this period ` +
        `of ${amount(choice.earned)} earned`,
    );
  const rules = failed.length > 0 ? ` (${failed.join("; ")})` : "";
  return `${head}${rules}${parts.length > 0 ? `; ${parts.join("; ")}` : ""}`;
}
