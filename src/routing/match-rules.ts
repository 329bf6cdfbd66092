/**
 * Which rule a lead falls under: rules as data, read in order, each a set of conditions that must all
 * hold; the first rule whose conditions hold names the queue, and the explanation says for every rule
 * read why it did or did not match. Text is compared trimmed and in any case (CRMs spell a territory
 * "EMEA", "emea " and "Emea"); a lead without the field a condition reads does not match it.
 */

/**
 * The fields of a lead the rules read; text is compared trimmed and in any case.
 *
 * @example
 * ```ts
 * import type { RoutingLead } from "handoff-kit/routing";
 * const lead: RoutingLead = {
 *   territory: "EMEA",
 *   segment: "Mid-Market",
 *   industry: "Software",
 *   source: "webinar",
 *   dealSize: 24_000,
 * };
 * ```
 * @category Routing
 */
export interface RoutingLead {
  readonly territory?: string | undefined;
  readonly segment?: string | undefined;
  readonly industry?: string | undefined;
  readonly source?: string | undefined;
  /** The deal's expected size, in the team's currency. */
  readonly dealSize?: number | undefined;
}

/**
 * A rule's conditions: each one present must hold; a text condition holds when the lead's field is one
 * of the listed values (trimmed, any case); a deal size bound is inclusive.
 *
 * @example
 * ```ts
 * import type { RuleConditions } from "handoff-kit/routing";
 * const midMarketEmea: RuleConditions = { territory: ["EMEA"], dealSize: { min: 10_000, max: 99_999 } };
 * ```
 * @category Routing
 */
export interface RuleConditions {
  readonly territory?: readonly string[];
  readonly segment?: readonly string[];
  readonly industry?: readonly string[];
  readonly source?: readonly string[];
  /** Inclusive bounds; either may be left out. */
  readonly dealSize?: { readonly min?: number; readonly max?: number };
}

/**
 * A rule: when its conditions hold, the lead goes to its queue. Rules are read in order; the first
 * that matches wins.
 *
 * @example
 * ```ts
 * import type { RoutingRule } from "handoff-kit/routing";
 * const rule: RoutingRule = { id: "emea", when: { territory: ["EMEA", "Europe"] }, queue: "emea" };
 * ```
 * @category Routing
 */
export interface RoutingRule {
  readonly id: string;
  readonly when: RuleConditions;
  readonly queue: string;
}

/**
 * One rule as read for one lead: whether it matched, and each condition that did not hold, in words.
 *
 * @example
 * ```ts
 * import type { RuleReading } from "handoff-kit/routing";
 * const reading: RuleReading = { rule: "emea", matched: false, failed: ['territory "APAC" is not EMEA'] };
 * ```
 * @category Routing
 */
export interface RuleReading {
  readonly rule: string;
  readonly matched: boolean;
  readonly failed: readonly string[];
}

/** The queue a lead goes to, the rule that sent it there (undefined: the fallback), and every rule read. */
export interface RuleMatch {
  readonly queue: string;
  readonly rule: string | undefined;
  readonly readings: readonly RuleReading[];
}

const TEXT_FIELDS = ["territory", "segment", "industry", "source"] as const;

const normal = (text: string): string => text.trim().toLowerCase();

/** Reads the rules in order for a lead; the first that matches names the queue, else `fallback`. */
export function matchRules(lead: RoutingLead, rules: readonly RoutingRule[], fallback: string): RuleMatch {
  const readings: RuleReading[] = [];
  for (const rule of rules) {
    const failed = failedConditions(lead, rule.when);
    readings.push({ rule: rule.id, matched: failed.length === 0, failed });
    if (failed.length === 0) return { queue: rule.queue, rule: rule.id, readings };
  }
  return { queue: fallback, rule: undefined, readings };
}

function failedConditions(lead: RoutingLead, when: RuleConditions): string[] {
  const failed: string[] = [];
  for (const field of TEXT_FIELDS) {
    const allowed = when[field];
    if (allowed === undefined) continue;
    const value = lead[field];
    if (value === undefined || value.trim() === "") failed.push(`${field} is missing (wanted ${allowed.join(", ")})`);
    else if (!allowed.some((option) => normal(option) === normal(value)))
      failed.push(`${field} "${value}" is not ${allowed.join(", ")}`);
  }
  const range = when.dealSize;
  if (range !== undefined) {
    const size = lead.dealSize;
    if (size === undefined) failed.push("deal size is missing");
    else if (range.min !== undefined && size < range.min)
      failed.push(`deal size ${String(size)} is under ${String(range.min)}`);
    else if (range.max !== undefined && size > range.max)
      failed.push(`deal size ${String(size)} is over ${String(range.max)}`);
  }
  return failed;
}
