/**
 * Builds a module-level value (a zod schema, a policy) inside a call marked pure, so that a bundler
 * drops the whole construction when nothing imports the value. A pure annotation on `z.object({...})`
 * alone is not enough: bundlers keep the calls in its arguments (`z.string()`, ...) as possible side
 * effects. Write `export const x = /* @__PURE__ *\/ pure(() => z.object({ ... }))`.
 */
export function pure<T>(build: () => T): T {
  return build();
}
