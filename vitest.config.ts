import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The library must never read the host's zone, so the tests run far from every calendar they use:
// UTC+14, a zone whose date is a day ahead of most of the world. test/core/host-zone.test.ts checks it.
process.env["TZ"] = process.env["HANDOFF_KIT_TEST_TZ"] ?? "Pacific/Kiritimati";

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^handoff-kit$/, replacement: src("index.ts") },
      { find: /^handoff-kit\/(.*)$/, replacement: src("$1/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The laws run thousands of cases each (2 s alone); on a shared 2-core machine running every file
    // at once, one can pass vitest's 5 s default without anything being wrong. A hang still fails.
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
