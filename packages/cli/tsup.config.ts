import { defineConfig } from "tsup";

// The published command: one ES module for Node. The library is bundled in (its entry points are
// resolved onto its sources through the repository's tsconfig paths), so the command needs no
// `handoff-kit` package beside it; commander, csv-parse and Vega stay dependencies, installed with it.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  tsconfig: "../../tsconfig.json",
  noExternal: [/^handoff-kit(\/|$)/],
  dts: false,
  clean: true,
  sourcemap: false,
});
