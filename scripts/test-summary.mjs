// Prints vitest's JSON report as one plain line, `N passed, N failed`, for CI logs to read.
import { readFileSync } from "node:fs";

const path = process.argv[2] ?? "reports/vitest.json";
let report;
try {
  report = JSON.parse(readFileSync(path, "utf8"));
} catch (error) {
  console.error(`no test report at ${path}: ${String(error)}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = Number(report.numPassedTests ?? 0);
const failed = Number(report.numFailedTests ?? 0) + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
const skipped = Number(report.numPendingTests ?? 0) + Number(report.numTodoTests ?? 0);
console.log(
  skipped > 0
    ? `${String(passed)} passed, ${String(failed)} failed, ${String(skipped)} skipped`
    : `${String(passed)} passed, ${String(failed)} failed`,
);
