// What the other modules need from this one that is not public: the checks of a scoreboard's grouping,
// weeks and confidence, so that the SQL scoreboard refuses what the in-memory one refuses, in its words.
// Another module imports this module only through index.ts or this file (eslint.config.js enforces it).
export { checkDimensions, dimensionName, requireWeekOptions, weekCutter } from "./group-by.js";
export { compareKeys, compareReasonCounts } from "./finish.js";
export { precisionOf } from "./metric.js";
export { SOURCE_INDEX } from "./tally.js";
