/**
 * The package's entry points, in one place: the build, the docs, the size budgets and the tests
 * read this list, and `test/package/entry-points.test.ts` checks package.json's exports against it.
 */
export const entryPoints = [
  { specifier: "handoff-kit/sla", source: "src/sla/index.ts", out: "sla/index" },
  { specifier: "handoff-kit/qualification", source: "src/qualification/index.ts", out: "qualification/index" },
  { specifier: "handoff-kit/handoff", source: "src/handoff/index.ts", out: "handoff/index" },
  { specifier: "handoff-kit/rubric", source: "src/rubric/index.ts", out: "rubric/index" },
  { specifier: "handoff-kit/metrics", source: "src/metrics/index.ts", out: "metrics/index" },
  { specifier: "handoff-kit/adapters", source: "src/adapters/index.ts", out: "adapters/index" },
  { specifier: "handoff-kit/sql", source: "src/sql/index.ts", out: "sql/index" },
  { specifier: "handoff-kit/routing", source: "src/routing/index.ts", out: "routing/index" },
  // Last: typedoc documents a name where it first meets it, and the root only re-exports.
  { specifier: "handoff-kit", source: "src/index.ts", out: "index" },
] as const;
