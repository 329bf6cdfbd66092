import {
  experimental_getRunnerTask,
  type Reporter,
  type RunnerTask,
  type RunnerTestCase,
  type RunnerTestFile,
  type TestModule,
} from "vitest/node";

/** The name of the test this reporter adds to each test file that ran. */
export const LOADS_TEST_NAME = "[the test file loads]";

/**
 * A vitest reporter for mutation runs only (vitest.stryker.config.ts): it gives each test file that
 * ran one more test, `[the test file loads]`, failed when the file failed to load and passed otherwise.
 *
 * Why: Stryker's vitest runner (9.6.1, and 10.0.0 alike; stryker-js#6150) builds a mutant's result
 * from the tests vitest collected, and a file whose import threw holds no tests, so it finds no
 * failure. A mutant that breaks a fixture built at module level (ours do that) then reads as Survived
 * although the suite catches it. The runner reads `vitest.state.getFiles()` after `vitest.start()`
 * returns, and vitest awaits `onTestRunEnd` before that, so a test added to the file task here is one
 * the runner sees: a failed one kills the mutant.
 *
 * Why a passing one too: Stryker's incremental mode reuses a Killed result only while the test that
 * killed it still exists in the initial (all-green) run. A test that appeared only when a file failed
 * would never exist there, and every such mutant would be run again on every incremental run.
 *
 * The test added has no context: vitest builds one only to run a test, and nothing runs this one.
 */
export class LoadFailureAsFailedTest implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    for (const testModule of testModules) {
      const file = experimental_getRunnerTask(testModule);
      const state = file.result?.state;
      // A file that did not run (bail, or filtered out) gets nothing: it neither loaded nor failed to.
      if (state !== "pass" && state !== "fail") continue;
      const loaded = state === "pass" || holdsATest(file);
      file.tasks.push(loadsTest(file, loaded));
    }
  }
}

function holdsATest(task: RunnerTask): boolean {
  return task.type === "test" || task.tasks.some(holdsATest);
}

function loadsTest(file: RunnerTestFile, loaded: boolean): RunnerTestCase {
  // No `suite`, as a test at the top of a file: Stryker names a test by its suites' names and this one.
  const test: Omit<RunnerTestCase, "context"> = {
    type: "test",
    id: `${file.id}_loads`,
    name: LOADS_TEST_NAME,
    fullName: `${file.name} > ${LOADS_TEST_NAME}`,
    fullTestName: LOADS_TEST_NAME,
    mode: "run",
    meta: {},
    file,
    timeout: 0,
    annotations: [],
    artifacts: [],
    result: loaded ? { state: "pass", duration: 0 } : { state: "fail", errors: file.result?.errors ?? [], duration: 0 },
  };
  return test as RunnerTestCase;
}
