// `npm run mutation`: Stryker over src/, then the per-module floors (scripts/mutation-floors.mjs).
//
//   npm run mutation                                  every folder of src/, one Stryker run each, in turn
//   npm run mutation -- metrics sla                   those folders of src/ (one run)
//   npm run mutation -- src/metrics/quantile.ts       files or globs (one run)
//   npm run mutation -- metrics --concurrency 2       from the first option on, everything goes to Stryker
//   npm run mutation -- --mutate "src/sla/**/*.ts"    Stryker's own --mutate is passed as it is
//
// All runs share one incremental file (stryker.config.mjs), checked in: a run reuses every result whose
// code and covering tests did not change, and keeps the results of the modules it does not run. One run
// per folder, rather than one over all of src/, saves the file after each folder: Stryker writes it only
// when a run ends, and a full run takes hours. Two runs at once would overwrite each other's results,
// so a lock file refuses a second one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, URL } from "node:url";
import config, { floors } from "../stryker.config.mjs";
import { printFloors } from "./mutation-floors.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
process.chdir(root);

const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith("-"));
const targets = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);

const modules = readdirSync("src", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A target as a mutate pattern: a bare folder name of src/ stands for its files. */
function patternOf(/** @type {string} */ target) {
  if (/[/*.]/.test(target)) return target;
  if (!modules.includes(target)) {
    console.error(`mutation: no folder src/${target}/; the modules are ${modules.join(", ")}.`);
    process.exit(2);
  }
  return `src/${target}/**/*.ts`;
}

// Each run is a list of mutate patterns; null means "leave --mutate to the options given".
/** @type {(string[] | null)[]} */
const runs = options.some((option) => option === "--mutate" || option === "-m" || option.startsWith("--mutate="))
  ? [null]
  : targets.length > 0
    ? [targets.map(patternOf)]
    : // src/index.ts only re-exports: no mutants, so no run of its own.
      modules.map((name) => [`src/${name}/**/*.ts`]);

const lock = resolve(dirname(String(config.incrementalFile)), ".lock");
if (existsSync(lock)) {
  const pid = Number(readFileSync(lock, "utf8"));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    // Not running: a lock left by a run that was killed.
  }
  if (alive) {
    console.error(`mutation: another run (pid ${String(pid)}) holds ${lock}; wait for it to end.`);
    process.exit(2);
  }
}
mkdirSync(dirname(lock), { recursive: true });
writeFileSync(lock, String(process.pid));

const stryker = join(
  dirname(createRequire(import.meta.url).resolve("@stryker-mutator/core/package.json")),
  "bin",
  "stryker.js",
);
const timings = [];
let failedRuns = 0;
try {
  for (const mutate of runs) {
    const label = mutate === null ? "as given" : mutate.join(",");
    const started = Date.now();
    console.log(`\n== mutation: ${label}`);
    const strykerArgs = ["run", ...(mutate === null ? [] : ["--mutate", mutate.join(",")]), ...options];
    const { status } = spawnSync(process.execPath, [stryker, ...strykerArgs], { stdio: "inherit" });
    const minutes = (Date.now() - started) / 60_000;
    timings.push(
      `  ${label.padEnd(40)} ${minutes.toFixed(1).padStart(6)} min` +
        (status === 0 ? "" : `  (Stryker exited ${String(status)})`),
    );
    if (status !== 0) failedRuns++;
  }
} finally {
  rmSync(lock, { force: true });
}

console.log(`\nmutation runs:\n${timings.join("\n")}`);
const floorStatus = printFloors(resolve(String(config.incrementalFile)), floors);
process.exitCode = failedRuns > 0 ? 1 : floorStatus;
