import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "sla/index": "src/sla/index.ts",
    "qualification/index": "src/qualification/index.ts",
    "handoff/index": "src/handoff/index.ts",
    "rubric/index": "src/rubric/index.ts",
    "metrics/index": "src/metrics/index.ts",
  },
  format: ["esm", "cjs"],
  tsconfig: "tsconfig.build.json",
  // TypeScript 6 deprecates options tsup's declaration build still sets.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  // Shared chunks keep one copy of each module (and of HandoffKitError) across entry points.
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
