// What the other modules need from this one that is not public: the checks and unchecked cores the
// scoreboard, the huddle and the rubric call once they have checked their own arguments. Another
// module imports this module only through index.ts or this file (eslint.config.js enforces it).
export { eventsAsOf } from "./as-of.js";
export { missingField } from "./booking-gate.js";
export { requireRules } from "./lifecycle-rules.js";
export { parsedHandoffProblem, requireHandoff, requireHandoffs } from "./require-handoff.js";
export { requireWrittenParts } from "./require-written-parts.js";
export { calendarKey, summaryRow } from "./summarize.js";
export { unparsedField } from "./unparsed.js";
export { hasBudgetSignal, hasToolsInUse, missingRequirementsFor } from "./brief-requirements.js";
