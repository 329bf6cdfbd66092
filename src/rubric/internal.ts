// What the other modules need from this one that is not public: the rubric check, for the huddle,
// which takes a rubric among its options and checks it when called. Another module imports this
// module only through index.ts or this file (eslint.config.js enforces it).
export { requireRubric } from "./scoring/define-rubric.js";
