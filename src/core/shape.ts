import { describeValue } from "./describe-value.js";
import { isRecord } from "./guards.js";

/**
 * A check of one part of a library object given back by untyped code (an evaluation, a report): the
 * readers of such an object read it deep, so the check says which field breaks the shape.
 */
export type ShapeCheck = (value: unknown) => boolean;

/** A valid Date (not an Invalid Date). */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
/** A value of a `typeof` kind. */
export const ofType =
  (type: "string" | "number" | "boolean" | "function"): ShapeCheck =>
  (value) =>
    typeof value === type;
/** A string: the check shapes read most, with {@link isNumber}. */
export const isText: ShapeCheck = /* @__PURE__ */ ofType("string");
/** A number (NaN included: ranges are the definers' to check). */
export const isNumber: ShapeCheck = /* @__PURE__ */ ofType("number");
/** One of the listed strings (a status, a kind). */
export const oneOf = (values: readonly string[]): ShapeCheck => {
  const known = new Set<unknown>(values);
  return (value) => known.has(value);
};
/** A check that also passes `undefined`. */
export const optional =
  (check: ShapeCheck): ShapeCheck =>
  (value) =>
    value === undefined || check(value);
/** An array whose every item passes; a hole is an item (`every` would skip it). */
export const listOf =
  (check: ShapeCheck): ShapeCheck =>
  (value) =>
    Array.isArray(value) && value.findIndex((item) => !check(item)) < 0;
/** A record whose named fields pass their checks (other fields are not read). */
export const shapeOf =
  (fields: Readonly<Record<string, ShapeCheck>>): ShapeCheck =>
  (value) =>
    // Stryker disable next-line StringLiteral: equivalent: the path only words the problem, which is dropped here
    fieldProblem(value, fields, "") === undefined;

/**
 * The first field of `value` that fails its check, as `path.field is <value>`, or undefined; a value
 * that is not a record is named itself. Items of a list are checked whole: the list's field is named.
 */
export function fieldProblem(
  value: unknown,
  fields: Readonly<Record<string, ShapeCheck>>,
  path: string,
): string | undefined {
  if (!isRecord(value)) return `${path === "" ? "it" : path} is ${describeValue(value)}`;
  const record = value as Record<string, unknown>;
  const bad = Object.entries(fields).find(([field, check]) => !check(record[field]));
  if (bad === undefined) return undefined;
  const prefix = path === "" ? "" : `${path}.`;
  return `${prefix}${bad[0]} is ${describeValue(record[bad[0]])}`;
}
