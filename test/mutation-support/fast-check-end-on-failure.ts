import fc from "fast-check";

// Mutation runs only (vitest.stryker.config.ts lists this in setupFiles). When a mutant makes a law fail,
// fast-check would go on to shrink the counterexample: hundreds more runs of the property, which is what
// a person debugging wants and a mutation run does not. A mutant the law catches then outlasts Stryker's
// timeout and is scored Timeout after a wait and a worker restart, instead of Killed at once. Whether a
// law fails does not change: the first counterexample still fails it.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
