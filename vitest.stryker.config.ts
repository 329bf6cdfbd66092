import { defineConfig, mergeConfig } from "vitest/config";
import { LoadFailureAsFailedTest } from "./test/mutation-support/load-failure-reporter.js";
import base from "./vitest.config.js";

// The vitest config of mutation runs only (stryker.config.mjs points here). It is vitest.config.ts,
// imported so the time zone (set when that file loads) and the aliases stay the same, with three changes:
// - type tests off: they only compile, and Stryker's typescript checker already rejects a mutant that
//   does not compile, so they cannot kill one and would cost a tsc run per mutant;
// - a reporter that counts a test file failing to load as a failed test, so a mutant that breaks a
//   fixture built at module level is Killed, not Survived (stryker-js#6150; see the reporter);
// - fast-check stops at a law's first counterexample instead of shrinking it (see that setup file).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      setupFiles: ["./test/mutation-support/fast-check-end-on-failure.ts"],
      reporters: ["default", new LoadFailureAsFailedTest()],
    },
  }),
);
