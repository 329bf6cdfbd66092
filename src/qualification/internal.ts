// What the other modules need from this one that is not public: the definition's shape check and the
// specificity test behind `specificityOf`. Another module imports this module only through index.ts
// or this file (eslint.config.js enforces it).
export { isSpecific } from "./specificity.js";
export { requireDefinition } from "./sql-definition.js";
