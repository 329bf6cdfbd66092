import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import { LoadFailureAsFailedTest } from "./test/mutation-support/load-failure-reporter.js";
import base from "./vitest.config.js";

// The vitest config of mutation runs only (stryker.config.mjs points here). It is vitest.config.ts,
// imported so the time zone (set when that file loads) and the aliases stay the same, with five changes:
// - type tests off: they only compile, and Stryker's typescript checker already rejects a mutant that
//   does not compile, so they cannot kill one and would cost a tsc run per mutant;
// - a reporter that counts a test file failing to load as a failed test, so a mutant that breaks a
//   fixture built at module level is Killed, not Survived (stryker-js#6150; see the reporter);
// - fast-check runs at most 100 cases a law and stops at its first counterexample, so a score is a
//   lower bound of the whole suite's (test/mutation-support/fast-check-for-mutation.ts says why);
// - the hostile-input suites, the zone-data check and the command's tests (see below) are left out:
//   the first two call every public function, so they cover every mutant, and a mutant that survives
//   runs every covering test; at 30 s and more a run they made each surviving mutant cost more than the
//   rest of the suite. What they guard (no
//   TypeError, no hang, the zone data) is not what a mutant of the arithmetic changes;
// - test files share one module graph (`isolate: false`): src/ keeps no module state, and Stryker reads
//   the active mutant when the code runs, not when it loads, so reloading src/ for every test file of
//   every mutant bought nothing. Measured on src/core/duration.ts (21 mutants, same result): the
//   initial run 61 s -> 24 s, the mutants 55 s -> 41 s.
export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        {
          find: /^fast-check$/,
          replacement: fileURLToPath(new URL("./test/mutation-support/fast-check-for-mutation.ts", import.meta.url)),
        },
      ],
    },
    test: {
      typecheck: { enabled: false },
      isolate: false,
      exclude: [
        ...configDefaults.exclude,
        "test/hostile/suite.test.ts",
        "test/hostile/suite-timing.test.ts",
        "test/core/zone-data.test.ts",
        // The command's tests run packages/cli, whose own dependencies (commander) a Stryker sandbox
        // does not copy, and spawn the installed bin, which runs the unmutated sources.
        "test/cli/**",
      ],
      setupFiles: ["./test/mutation-support/mutant-per-run.ts"],
      reporters: ["default", new LoadFailureAsFailedTest()],
    },
  }),
);
