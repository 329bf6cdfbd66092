// Runs the command as it is published: the files `npm pack` puts in handoff-kit-cli (its launcher,
// its build, no sources), laid out in a folder of their own beside the workspace's node_modules, on
// the bundled HubSpot sample. Run after `npm run build`.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = "packages/cli";
const [pack] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--workspace", cli], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }),
);
const files = pack.files.map((/** @type {{ path: string }} */ file) => file.path).sort();
for (const needed of ["README.md", "bin/handoff-kit.js", "dist/main.js", "package.json"])
  assert.ok(files.includes(needed), `handoff-kit-cli packs ${needed}`);
assert.ok(!files.some((/** @type {string} */ path) => path.startsWith("src/")), "handoff-kit-cli packs no sources");

// The library is bundled in: the build imports no handoff-kit package, which is not its dependency.
const build = readFileSync(join(cli, "dist/main.js"), "utf8");
assert.ok(!/from\s*"handoff-kit[/"]/.test(build), "the build imports no handoff-kit package");

// A folder inside packages/cli, so its dependencies resolve as an installed package's would.
const published = join(cli, ".smoke");
rmSync(published, { recursive: true, force: true });
try {
  for (const path of files) cpSync(join(cli, path), join(published, path));
  assert.ok(!existsSync(join(published, "src")));
  const html = join(mkdtempSync(join(tmpdir(), "handoff-kit-smoke-")), "huddle.html");
  const sample = "examples/data/hubspot-meetings.csv";
  const run = (/** @type {string[]} */ args) =>
    spawnSync(process.execPath, [join(published, "bin/handoff-kit.js"), ...args], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
  const check = run(["check", sample, "--from", "hubspot"]);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /\n379 handoffs\.\n$/);
  const report = run(["report", sample, "--from", "hubspot", "--now", "2026-11-14T02:00:00Z", "--html", html]);
  assert.equal(report.status, 0, report.stderr);
  assert.match(readFileSync(html, "utf8"), /<svg/);
  // DuckDB is an optional peer of the command, resolved beside it as an installed one would be.
  const inDuckDB = run(["report", sample, "--from", "hubspot", "--now", "2026-11-14T02:00:00Z", "--engine", "duckdb"]);
  assert.equal(inDuckDB.status, 0, inDuckDB.stderr);
  assert.equal(inDuckDB.stdout, report.stdout, "the DuckDB engine's report is the in-memory one");
  const summaries = run(["summaries", sample, "--from", "hubspot", "-q"]);
  assert.equal(summaries.status, 0, summaries.stderr);
  assert.equal(summaries.stdout.trimEnd().split("\n").length, 380, "a header and 379 summary rows");
  const sql = run(["sql", "--dialect", "postgres", "--group-by", "sdr"]);
  assert.equal(sql.status, 0, sql.stderr);
  assert.match(sql.stdout, /^-- handoff-kit scoreboard \(postgres\)/);
  console.log(
    `handoff-kit-cli: ${String(files.length)} files packed; ` +
      "the published command checked, reported (in memory and in DuckDB) and tabled the sample, and wrote SQL",
  );
} finally {
  rmSync(published, { recursive: true, force: true });
}
