import * as z from "zod";
import { HandoffKitError } from "../core/error.js";
import { fromZodIssues } from "../core/issue.js";
import { pure } from "../core/pure.js";
import { idSchema, timeZoneSchema } from "../core/schemas.js";
import type { RoutingSetup } from "./route-lead.js";

const texts = /* @__PURE__ */ pure(() => z.array(z.string().trim().min(1, { error: "Must not be empty" })).min(1));
const count = /* @__PURE__ */ pure(() => z.number().int().positive());

const queueSchema = /* @__PURE__ */ pure(() =>
  z
    .object({
      id: idSchema,
      members: z
        .array(
          z.object({
            rep: idSchema,
            weight: z.number().int({ error: "A weight is a whole number: give ratios such as 200/100/100" }).positive(),
          }),
        )
        .min(1, { error: "A queue needs at least one member" }),
      strategy: z.enum(["weighted", "least_recent", "lightest_load"]),
      timeZone: timeZoneSchema,
      reset: z.enum(["monthly", "quarterly", "yearly", "never"]),
      caps: z.object({ day: count.optional(), week: count.optional(), month: count.optional() }).optional(),
      absence: z.enum(["keep_place", "catch_up"]).optional(),
      catchUpEvery: count.optional(),
    })
    .superRefine((queue, ctx) => {
      const seen = new Set<string>();
      queue.members.forEach((member, index) => {
        if (seen.has(member.rep))
          ctx.addIssue({
            code: "custom",
            message: `"${member.rep}" is already a member`,
            path: ["members", index, "rep"],
          });
        seen.add(member.rep);
      });
    }),
);

const setupSchema = /* @__PURE__ */ pure(() =>
  z
    .object({
      rules: z.array(
        z.object({
          id: idSchema,
          when: z.object({
            territory: texts.optional(),
            segment: texts.optional(),
            industry: texts.optional(),
            source: texts.optional(),
            dealSize: z
              .object({ min: z.number().nonnegative().optional(), max: z.number().nonnegative().optional() })
              .refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
                error: "The deal size range must not end before it starts",
                path: ["max"],
              })
              .optional(),
          }),
          queue: idSchema,
        }),
      ),
      fallback: idSchema,
      queues: z.array(queueSchema).min(1, { error: "At least one queue" }),
      accountOwners: z.record(z.string(), idSchema).optional(),
      seed: z.string(),
    })
    .superRefine((setup, ctx) => {
      const ids = new Set<string>();
      setup.queues.forEach((queue, index) => {
        if (ids.has(queue.id))
          ctx.addIssue({ code: "custom", message: `"${queue.id}" is already a queue`, path: ["queues", index, "id"] });
        ids.add(queue.id);
      });
      setup.rules.forEach((rule, index) => {
        if (!ids.has(rule.queue))
          ctx.addIssue({ code: "custom", message: `No queue "${rule.queue}"`, path: ["rules", index, "queue"] });
      });
      if (!ids.has(setup.fallback))
        ctx.addIssue({ code: "custom", message: `No queue "${setup.fallback}"`, path: ["fallback"] });
    }),
);

/**
 * Checks a team's routing and freezes it: the rules' queues and the fallback exist, queue ids and a
 * queue's members are unique, weights are positive whole numbers, zones are known, caps and
 * `catchUpEvery` are positive whole numbers. Throws `invalid_config` with the path of each bad field.
 */
export function defineRouting(setup: RoutingSetup): RoutingSetup {
  const parsed = setupSchema.safeParse(setup);
  if (!parsed.success)
    throw new HandoffKitError("invalid_config", {
      detail: "defineRouting",
      issues: fromZodIssues(parsed.error.issues),
    });
  return Object.freeze(parsed.data) as RoutingSetup;
}
