// Loads every entry point of the built package the way consumers do: `import` from ESM and `require`
// from CommonJS, through the package's own exports map (self-reference by name). Run after the build.
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const specifiers = [
  "handoff-kit",
  "handoff-kit/sla",
  "handoff-kit/qualification",
  "handoff-kit/handoff",
  "handoff-kit/rubric",
  "handoff-kit/metrics",
  "handoff-kit/adapters",
  "handoff-kit/sql",
  "handoff-kit/routing",
];

for (const specifier of specifiers) {
  const esm = await import(specifier);
  const cjs = require(specifier);
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort(), `${specifier}: ESM and CJS export the same names`);
}

const esmRoot = await import("handoff-kit");
const esmSla = await import("handoff-kit/sla");
const cjsRoot = require("handoff-kit");
assert.equal(esmRoot.hours, esmSla.hours, "entry points share one copy of each module");
let thrown;
try {
  cjsRoot.hours(Number.NaN);
} catch (error) {
  thrown = error;
}
assert.ok(thrown instanceof esmRoot.HandoffKitError, "instanceof holds across the ESM and CJS builds");
assert.equal(thrown.code, "invalid_duration");
const parsed = cjsRoot.parseHandoffEvent({ id: "e1", type: "no_show", at: "2026-11-05T15:10:00Z", by: "ae-1" });
assert.ok(parsed.ok && parsed.value.at instanceof Date);
const routing = require("handoff-kit/routing");
const team = routing.defineRouting({
  rules: [],
  fallback: "team",
  queues: [
    { id: "team", members: [{ rep: "ae-1", weight: 1 }], strategy: "weighted", timeZone: "UTC", reset: "never" },
  ],
  seed: "smoke",
});
const routed = routing.route(undefined, { id: "l1" }, team, { now: 0 });
assert.equal(routed.assignee, "ae-1", "routing routes from CommonJS");
console.log(`dist smoke test: ${String(specifiers.length)} entry points load from ESM and CommonJS`);
