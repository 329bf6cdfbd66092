// fast-check as mutation runs see it: vitest.stryker.config.ts points "fast-check" here, for those runs
// only. Two changes to every law, and nothing else:
//
// - At most MUTATION_RUNS cases a law. The laws run 300 to 4,000 cases in the suite, and a mutant that
//   survives runs every test that covers it: in src/sla that was half a minute a mutant, and src/ has
//   over 9,000 mutants. So a mutation score is measured against a suite whose laws are weaker than the
//   real one's: it is a lower bound, and a mutant only the rare cases of a long law catch is counted
//   Survived, which asks for an example test of that case rather than trusting the odds.
// - A law stops at its first counterexample (`endOnFailure`). Shrinking it, hundreds more runs, is what
//   a person debugging wants and a mutation run does not: a mutant the law catches then outlasts
//   Stryker's timeout and reads Timeout after a wait and a worker restart instead of Killed at once.
import * as fc from "../../node_modules/fast-check/lib/fast-check.js";

export * from "../../node_modules/fast-check/lib/fast-check.js";

/** Cases a law runs in a mutation run: fast-check's own default. */
export const MUTATION_RUNS = 100;

function capped<T>(params: fc.Parameters<T> | undefined): fc.Parameters<T> {
  return { ...params, numRuns: Math.min(params?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS), endOnFailure: true };
}

export const assert = ((property: fc.IRawProperty<unknown>, params?: fc.Parameters<unknown>) =>
  fc.assert(property, capped(params))) as typeof fc.assert;

export const statistics = ((
  generator: fc.Arbitrary<unknown>,
  classify: (value: unknown) => string | string[],
  params?: fc.Parameters<unknown> | number,
) => {
  fc.statistics(generator, classify, typeof params === "number" ? Math.min(params, MUTATION_RUNS) : capped(params));
}) as typeof fc.statistics;

// MUTATION_RUNS rides along so test/fixtures/class-counts.ts can tell it runs under the cap.
// The tests import fast-check's default export, so this module has one too.
// eslint-disable-next-line no-restricted-syntax
export default { ...fc, assert, statistics, MUTATION_RUNS };
