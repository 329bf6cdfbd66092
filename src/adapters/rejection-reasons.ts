import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import type { LifecycleRules } from "../handoff/index.js";

// A CRM's rejection picklist read as the lifecycle's reason codes, the same way for every adapter:
// the team's own mapping first, then the catalogue's codes and labels, written as a code would be.

/** How a picklist value becomes a reason code. */
export interface ReasonReading {
  /** The team's picklist values mapped onto reason codes, as written and as codes (any case). */
  readonly reasons: Readonly<Record<string, string>>;
  readonly byKey: ReadonlyMap<string, string>;
  /** The catalogue's codes, by code and by label, and a source's defaults, lower case with underscores. */
  readonly catalogue: ReadonlyMap<string, string>;
}

/** A picklist value as a reason code, where the mapping does not name it: `No budget` is `no_budget`. */
export const reasonCode = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/gu, "_");

/**
 * The reading of `options.reasons` (checked: every value a code) against the rules' catalogue, and
 * a source's `defaults` (values any case, labels alike) for the codes the catalogue has.
 */
export function reasonReadingOf(
  given: unknown,
  rules: LifecycleRules,
  fn: string,
  defaults: Readonly<Record<string, string>> = {},
): ReasonReading {
  const mapped: unknown = given ?? {};
  if (!isRecord(mapped))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.reasons must be an object of reason codes by picklist value: ${describeValue(mapped)}`,
    });
  for (const [value, code] of Object.entries(mapped) as [string, unknown][])
    if (typeof code !== "string" || code.trim() === "")
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: options.reasons[${JSON.stringify(value)}] must be a reason code: ${describeValue(code)}`,
      });
  const catalogue = new Map<string, string>();
  // A source's own defaults first, where the catalogue has their code; the catalogue's words over them.
  const codes = new Set(rules.reasons.map((reason) => reason.code));
  for (const [value, code] of Object.entries(defaults)) if (codes.has(code)) catalogue.set(reasonCode(value), code);
  for (const reason of rules.reasons) {
    catalogue.set(reasonCode(reason.label), reason.code);
    catalogue.set(reasonCode(reason.code), reason.code);
  }
  const reasons = mapped as Record<string, string>;
  const byKey = new Map(Object.entries(reasons).map(([value, code]) => [reasonCode(value), code]));
  return { reasons, byKey, catalogue };
}

/**
 * The reason code of a picklist value, and whether it is known: the team's mapping (as written, else
 * any case, spaces and hyphens as underscores), then the catalogue. An unknown value becomes a code
 * as a code is written (`Went dark` is `went_dark`), which the lifecycle refuses where it is read.
 */
export function reasonOf(value: string, reading: ReasonReading): { readonly code: string; readonly known: boolean } {
  if (Object.hasOwn(reading.reasons, value)) return { code: reading.reasons[value] as string, known: true };
  const code = reading.byKey.get(reasonCode(value)) ?? reading.catalogue.get(reasonCode(value));
  return code === undefined ? { code: reasonCode(value), known: false } : { code, known: true };
}
