import * as z from "zod";
import { textSchema } from "../core/schemas.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * The prospect's company: the firmographics ICP fit is judged on (size, industry, region).
 *
 * @example
 * ```ts
 * import { accountSchema } from "handoff-kit/handoff";
 * accountSchema.parse({
 *   name: "Acme Logistics",
 *   domain: "acme.example",
 *   industry: "logistics",
 *   employees: 420,
 *   region: "NA",
 * });
 * ```
 * @category Records
 */
export const accountSchema = /* @__PURE__ */ pure(() =>
  z.object({
    name: textSchema,
    domain: z
      .string()
      .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, { error: "Expected a domain such as acme.com" })
      .optional(),
    industry: textSchema.optional(),
    employees: z.number().int().nonnegative().optional(),
    region: textSchema.optional(),
    /** ISO 3166-1 alpha-2 country code. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: "Expected an ISO 3166-1 alpha-2 code such as US" })
      .optional(),
  }),
);

/**
 * A parsed account; see {@link accountSchema}.
 *
 * @example
 * ```ts
 * import type { Account } from "handoff-kit/handoff";
 * const account: Account = { name: "Acme Logistics", employees: 420 };
 * ```
 * @category Records
 */
export type Account = DeepReadonly<z.output<typeof accountSchema>>;
