import type { Plan } from "./base-rows.js";
import { literal } from "./dialect.js";

/**
 * A proportion's columns, each step as in memory (`wilsonInterval`), scaled after: `name` (NULL on an
 * empty denominator), `name_numerator`, `name_denominator`, `name_low` and `name_high` (the Wilson
 * interval, NULL on an empty denominator) and `name_low_sample`. The query supplies `params.z`.
 */
export function proportionColumns(p: Plan, name: string, numerator: string, denominator: string, scale = 1): string[] {
  const d = p.sql.double;
  const z = "params.z";
  const n = d(`NULLIF(${denominator}, 0)`);
  const rate = `(${d(numerator)} / ${n})`;
  const z2n = `((${z} * ${z}) / ${n})`;
  const centre = `((${rate} + ${z2n} / 2) / (1 + ${z2n}))`;
  const half = `((${z} / (1 + ${z2n})) * SQRT((${rate} * (1 - ${rate})) / ${n} + ${z2n} / (4 * ${n})))`;
  const scaled = (value: string): string => (scale === 1 ? value : `${value} * ${String(scale)}`);
  const guarded = (value: string): string => `CASE WHEN ${denominator} > 0 THEN ${scaled(value)} END`;
  return [
    `${scaled(rate)} AS ${name}`,
    `${numerator} AS ${name}_numerator`,
    `${denominator} AS ${name}_denominator`,
    `${guarded(`GREATEST(${d("0")}, LEAST(${rate}, ${centre} - ${half}))`)} AS ${name}_low`,
    `${guarded(`LEAST(${d("1")}, GREATEST(${rate}, ${centre} + ${half}))`)} AS ${name}_high`,
    `(${denominator} < ${String(p.minSample)}) AS ${name}_low_sample`,
  ];
}

/** The `params` CTE the interval columns read: the z-score of the confidence, as a double. */
export const paramsCte = (p: Plan): string => `params AS (
  SELECT ${p.sql.double(literal(String(p.z)))} AS z
)`;
