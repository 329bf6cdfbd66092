import { defineConfig } from "tsup";
import { entryPoints } from "./scripts/entry-points.js";

export default defineConfig({
  entry: Object.fromEntries(entryPoints.map((entry) => [entry.out, entry.source])),
  format: ["esm", "cjs"],
  tsconfig: "tsconfig.build.json",
  // TypeScript 6 deprecates options tsup's declaration build still sets.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  // Shared chunks keep one copy of each module (and of HandoffKitError) across entry points.
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
