import { inject } from "vitest";

// Mutation runs only (vitest.stryker.config.ts lists this in setupFiles, after Stryker's own setup file).
//
// Those runs keep one module graph and one global object across test files and runs (`isolate: false`),
// and Stryker's setup file activates a run-time mutant in a `beforeAll`, after the test file has loaded.
// So a test file's fixtures, built when the file loads, would be built under the previous run's mutant,
// which stays on the global object: each run would test one mutant against fixtures made by another.
// With isolated files the global object was new and no mutant was active while a file loaded; this
// puts that back. A static mutant is activated before the file loads, on purpose: that one stays.

declare module "vitest" {
  // What Stryker's vitest runner provides (vitest-runner 9.6.1, stryker-setup.js).
  interface ProvidedContext {
    globalNamespace: string;
    mode: "dry-run" | "mutant";
    mutantActivation: "static" | "runtime" | undefined;
  }
}

if (inject("mode") === "mutant" && inject("mutantActivation") === "runtime") {
  const namespace = (globalThis as Record<string, { activeMutant?: string | undefined } | undefined>)[
    inject("globalNamespace")
  ];
  if (namespace !== undefined) namespace.activeMutant = undefined;
}
