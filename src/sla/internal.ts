// What the other modules need from this one that is not public: the policy check and the evaluation
// after its checks, for callers that check their policies once for many handoffs; and the owner days the
// SQL days table is written from. Another module
// imports this module only through index.ts or this file (eslint.config.js enforces it).
export { evaluateCheckedSla, slaOutcomes, type SlaOutcome } from "./evaluate.js";
export { requireSlaPolicies } from "./policy.js";
export { compiled as requireCalendar, isCalendar } from "./calendar.js";
export type { CompiledCalendar } from "./calendar.js";
export { creditedSpans, dayStart, localDayOf, resolvedSpans, windowsOf } from "./owner-days.js";
