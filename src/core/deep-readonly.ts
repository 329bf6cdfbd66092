/**
 * A type with every property and array readonly, all the way down: what a parsed record is to the
 * code that reads it (`handoff.events.push(...)` does not compile). Dates and functions are kept as
 * they are; the record is not frozen at run time (freezing a million records costs), its type says
 * it must not change.
 *
 * @example
 * ```ts
 * import type { DeepReadonly } from "handoff-kit";
 * type Settings = DeepReadonly<{ tags: string[]; owner: { id: string } }>;
 * declare const settings: Settings;
 * // settings.tags.push("x"); // does not compile
 * ```
 * @category Results and issues
 */
export type DeepReadonly<T> = T extends
  Date | ((...args: never[]) => unknown) | string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : { readonly [Key in keyof T]: DeepReadonly<T[Key]> };
