import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entryPoints } from "../../scripts/entry-points.js";

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

interface Conditions {
  readonly types: string;
  readonly default: string;
}
const pkg = read("package.json") as {
  exports: Record<string, { import: Conditions; require: Conditions } | string>;
  typesVersions: Record<string, Record<string, string[]>>;
  dependencies: Record<string, string>;
  sideEffects: boolean;
};

describe("the package's entry points agree everywhere", () => {
  it("one entry point per module folder under src/, plus the root", () => {
    const modules = readdirSync(new URL("../../src/", import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "core")
      .map((entry) => `handoff-kit/${entry.name}`);
    expect(entryPoints.map((entry) => entry.specifier).sort()).toEqual(["handoff-kit", ...modules].sort());
  });

  it("package.json exports each with import and require conditions, each with its own types", () => {
    for (const entry of entryPoints) {
      const key = entry.specifier === "handoff-kit" ? "." : `./${entry.specifier.slice("handoff-kit/".length)}`;
      expect(pkg.exports[key]).toEqual({
        import: { types: `./dist/${entry.out}.d.ts`, default: `./dist/${entry.out}.js` },
        require: { types: `./dist/${entry.out}.d.cts`, default: `./dist/${entry.out}.cjs` },
      });
    }
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [
        ...entryPoints.map((e) => (e.specifier === "handoff-kit" ? "." : `./${e.specifier.slice(12)}`)),
        "./package.json",
      ].sort(),
    );
  });

  it("typesVersions covers every subpath for node10 resolution", () => {
    for (const entry of entryPoints.filter((e) => e.specifier !== "handoff-kit")) {
      expect(pkg.typesVersions["*"]?.[entry.specifier.slice("handoff-kit/".length)]).toEqual([
        `./dist/${entry.out}.d.cts`,
      ]);
    }
  });

  it("typedoc documents every entry point", () => {
    const typedoc = read("typedoc.json") as { entryPoints: string[] };
    expect(typedoc.entryPoints).toEqual(entryPoints.map((entry) => entry.source));
  });

  it("size-limit budgets every entry point", () => {
    const budgets = read(".size-limit.json") as { path: string }[];
    for (const entry of entryPoints) expect(budgets.map((budget) => budget.path)).toContain(`dist/${entry.out}.js`);
  });

  it("ships only the five runtime dependencies, side-effect free", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      "@date-fns/tz",
      "csv-stringify",
      "date-fns",
      "ts-pattern",
      "zod",
    ]);
    expect(pkg.sideEffects).toBe(false);
  });
});
