// Checks the mutation score of each file or folder that has a floor in stryker.config.mjs against it.
// Stryker's own `thresholds.break` is one number for a whole run's report; the floors are per module.
//
//   node scripts/mutation-floors.mjs [report.json]
//
// The report defaults to the incremental results file, which is checked in and holds the last result
// of every file measured so far, so this needs no Stryker run. `npm run mutation` runs it after Stryker.
// Exit status 1 when a floored module scores under its floor or has no result in the report.
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL, URL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** The minimum the issue asks of every module, in percent. */
export const TARGET = 80;

// Stryker's definition: detected / (detected + undetected); compile errors, runtime errors, ignored
// and pending mutants are left out of the score.
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/**
 * The score of a set of mutants, in percent (null when none of them counts).
 * @param {readonly { status: string }[]} mutants
 */
export function scoreOf(mutants) {
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  const valid = detected + undetected;
  return { detected, undetected, valid, score: valid === 0 ? null : (100 * detected) / valid };
}

/**
 * Whether a report file (a path relative to the project root) falls under a floor's key: a file's
 * path, or a folder ending in "/".
 * @param {string} key
 * @param {string} file
 */
const covers = (key, file) => (key.endsWith("/") ? file.startsWith(key) : file === key);

/**
 * @param {{ files: Record<string, { source: string, mutants: { status: string }[] }> }} report
 * @param {Readonly<Record<string, number>>} floors
 */
export function checkFloors(report, floors) {
  const files = Object.entries(report.files).map(([name, file]) => [normalize(name), file]);
  const rows = Object.entries(floors).map(([key, floor]) => {
    const matched = files.filter(([name]) => covers(key, name));
    const { score, valid } = scoreOf(matched.flatMap(([, file]) => file.mutants));
    const stale = matched
      .filter(
        ([name, file]) => !existsSync(resolve(root, name)) || readFileSync(resolve(root, name), "utf8") !== file.source,
      )
      .map(([name]) => name);
    const verdict = score === null ? "no result" : score + 1e-9 < floor ? "BELOW FLOOR" : "ok";
    return { key, floor, score, valid, stale, verdict };
  });
  return { rows, failed: rows.filter((row) => row.verdict !== "ok") };
}

/** @param {string} name */
function normalize(name) {
  const path = name.startsWith("/") ? relative(root, name) : name;
  return path.replaceAll("\\", "/");
}

const pct = (/** @type {number | null} */ score) => (score === null ? "-" : `${score.toFixed(2)}%`);

/**
 * Prints every floor's verdict and every measured file's score; returns the exit status.
 * @param {string} reportPath
 * @param {Readonly<Record<string, number>>} floors
 */
export function printFloors(reportPath, floors) {
  if (!existsSync(reportPath)) {
    console.error(`mutation floors: no report at ${reportPath}; run \`npm run mutation\` first.`);
    return Object.keys(floors).length === 0 ? 0 : 1;
  }
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  const { rows, failed } = checkFloors(report, floors);
  console.log(`mutation floors (${relative(root, reportPath)}):`);
  for (const row of rows) {
    const note = [
      row.floor < TARGET ? `floor under the ${String(TARGET)}% target` : "",
      row.stale.length > 0 ? `changed since measured: ${row.stale.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    console.log(
      `  ${row.verdict.padEnd(11)} ${row.key.padEnd(44)} ${pct(row.score).padStart(8)}  ` +
        `floor ${String(row.floor)}%${note ? `  (${note})` : ""}`,
    );
  }
  const floored = (/** @type {string} */ name) => Object.keys(floors).some((key) => covers(key, name));
  const others = Object.entries(report.files)
    .map(([name, file]) => [normalize(name), scoreOf(file.mutants).score])
    .filter(([name]) => !floored(String(name)));
  if (others.length > 0) {
    console.log("  measured, no floor yet:");
    for (const [name, score] of others)
      console.log(`              ${String(name).padEnd(44)} ${pct(/** @type {number | null} */ (score)).padStart(8)}`);
  }
  if (failed.length > 0)
    console.error(`mutation floors: ${String(failed.length)} module(s) under their floor or without a result.`);
  return failed.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { default: config, floors } = await import("../stryker.config.mjs");
  const reportPath = resolve(process.argv[2] ?? resolve(root, String(config.incrementalFile)));
  process.exitCode = printFloors(reportPath, floors);
}
