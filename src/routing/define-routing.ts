import * as z from "zod";
import { HandoffKitError } from "../core/error.js";
import { fromZodIssues } from "../core/issue.js";
import { pure } from "../core/pure.js";
import { idSchema, instantSchema, timeZoneSchema } from "../core/schemas.js";
import type { InstantInput } from "../core/instant.js";
import type { Calendar } from "../sla/index.js";
import { isCalendar } from "../sla/internal.js";
import { domainOf } from "./account-owner.js";
import { compileQueue, type CompiledQueue } from "./compile-queue.js";
import type { RoutingRule } from "./match-rules.js";
import type { RoutingQueue } from "./route-in-queue.js";

/**
 * When a rep cannot take leads, as a team writes it: out-of-office periods and working hours.
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 * import type { RepAvailabilitySpec } from "handoff-kit/routing";
 * const ana: RepAvailabilitySpec = {
 *   outOfOffice: [{ from: "2026-12-21T00:00:00Z", to: "2027-01-04T00:00:00Z" }],
 *   calendar: defineCalendar({
 *     timeZone: "Europe/London",
 *     week: { mon: [["09:00", "17:30"]], tue: [["09:00", "17:30"]] },
 *   }),
 * };
 * ```
 * @category Routing
 */
export interface RepAvailabilitySpec {
  /** Out-of-office periods, each from its start (inclusive) to its end (exclusive). */
  readonly outOfOffice?: readonly { readonly from: InstantInput | string; readonly to: InstantInput | string }[];
  /** Working hours from `handoff-kit/sla`'s `defineCalendar`: outside them the rep is passed over. */
  readonly calendar?: Calendar;
}

/**
 * A team's routing as data: the rules in order, the fallback queue, the queues, the accounts' owners,
 * each rep's availability and the seed ties are broken by. `defineRouting` checks it.
 *
 * @example
 * ```ts
 * import type { RoutingSetup } from "handoff-kit/routing";
 * const setup: RoutingSetup = {
 *   rules: [{ id: "enterprise", when: { segment: ["Enterprise"], dealSize: { min: 50_000 } }, queue: "enterprise" }],
 *   fallback: "team",
 *   queues: [
 *     {
 *       id: "enterprise",
 *       members: [{ rep: "ae-ana", weight: 1 }],
 *       strategy: "least_recent",
 *       timeZone: "UTC",
 *       reset: "never",
 *     },
 *     {
 *       id: "team",
 *       members: [{ rep: "ae-ben", weight: 1 }, { rep: "ae-cy", weight: 1 }],
 *       strategy: "weighted",
 *       timeZone: "UTC",
 *       reset: "monthly",
 *     },
 *   ],
 *   accountOwners: { "acme.com": "ae-ana" },
 *   seed: "team-2026",
 * };
 * ```
 * @category Routing
 */
export interface RoutingSetup {
  readonly rules: readonly RoutingRule[];
  readonly fallback: string;
  readonly queues: readonly RoutingQueue[];
  /** Each account's owner by its domain: a lead from an owned account goes to its owner. */
  readonly accountOwners?: Readonly<Record<string, string>>;
  /** By rep: out-of-office periods and working hours. */
  readonly availability?: Readonly<Record<string, RepAvailabilitySpec>>;
  /** Breaks ties (FNV-1a of `seed:rep`, then the rep's id); keep it to replay a past day the same way. */
  readonly seed: string;
}

declare const routingKey: unique symbol;

/**
 * A routing checked by `defineRouting`: the setup as given (frozen all the way down), ready for `route`.
 * Only `defineRouting` makes one.
 *
 * @example
 * ```ts
 * import { defineRouting, type Routing } from "handoff-kit/routing";
 * const routing: Routing = defineRouting({
 *   rules: [],
 *   fallback: "team",
 *   queues: [
 *     { id: "team", members: [{ rep: "ae-ben", weight: 1 }], strategy: "weighted", timeZone: "UTC", reset: "never" },
 *   ],
 *   seed: "s",
 * });
 * routing.setup.queues.length; // 1
 * ```
 * @category Routing
 */
export interface Routing {
  readonly setup: RoutingSetup;
  /** @internal */
  readonly [routingKey]: true;
}

/** A routing read once: its queues, and the accounts' owners by normalised domain. */
interface CompiledRouting {
  readonly queues: ReadonlyMap<string, CompiledQueue>;
  readonly owners: Readonly<Record<string, string>>;
}

const compiledByRouting = new WeakMap<Routing, CompiledRouting>();

/** A routing `defineRouting` made, read for routing; throws `invalid_argument` otherwise. */
export function compiledRouting(routing: Routing, fn: string): CompiledRouting {
  const found = compiledByRouting.get(routing);
  if (found === undefined)
    throw new HandoffKitError("invalid_argument", { detail: `${fn}: the routing must be one defineRouting made` });
  return found;
}

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
      availability: z
        .record(
          z.string(),
          z.object({
            outOfOffice: z
              .array(
                z
                  .object({ from: instantSchema, to: instantSchema })
                  // A bad instant's issue may let the check run: only two dates are compared.
                  .refine(
                    (period) =>
                      !(period.from instanceof Date && period.to instanceof Date) ||
                      period.from.getTime() <= period.to.getTime(),
                    {
                      error: "An out-of-office period must not end before it starts",
                      path: ["to"],
                    },
                  ),
              )
              .optional(),
            calendar: z
              .custom<Calendar>(isCalendar, { error: "Must be a calendar made by defineCalendar (handoff-kit/sla)" })
              .optional(),
          }),
        )
        .optional(),
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
      const owned = new Map<string, string>();
      for (const [key, owner] of Object.entries(setup.accountOwners ?? {})) {
        const domain = domainOf(key);
        if (domain === undefined)
          ctx.addIssue({
            code: "custom",
            message: `"${key}" is not a domain (give the one the account's emails use, such as acme.com)`,
            path: ["accountOwners", key],
          });
        else if (owned.has(domain) && owned.get(domain) !== owner)
          ctx.addIssue({
            code: "custom",
            message: `"${key}" is ${domain}, already owned by "${owned.get(domain) ?? ""}"`,
            path: ["accountOwners", key],
          });
        else owned.set(domain, owner);
      }
      if (!ids.has(setup.fallback))
        ctx.addIssue({ code: "custom", message: `No queue "${setup.fallback}"`, path: ["fallback"] });
    }),
);

/**
 * Checks a team's routing and makes it ready for `route`: the rules' queues and the fallback exist,
 * queue ids and a queue's members are unique, weights are positive whole numbers, zones are known,
 * caps and `catchUpEvery` are positive whole numbers, out-of-office periods are instants in order and
 * calendars come from `defineCalendar`. Throws `invalid_config` with the path of each bad field.
 *
 * @example
 * ```ts
 * import { defineRouting } from "handoff-kit/routing";
 * const routing = defineRouting({
 *   rules: [{ id: "emea", when: { territory: ["EMEA"] }, queue: "emea" }],
 *   fallback: "everyone",
 *   queues: [
 *     {
 *       id: "emea",
 *       members: [{ rep: "ae-ana", weight: 1 }],
 *       strategy: "least_recent",
 *       timeZone: "Europe/London",
 *       reset: "never",
 *     },
 *     {
 *       id: "everyone",
 *       members: [{ rep: "ae-ben", weight: 200 }, { rep: "ae-cy", weight: 100 }, { rep: "ae-di", weight: 100 }],
 *       strategy: "weighted",
 *       timeZone: "America/New_York",
 *       reset: "monthly",
 *       caps: { day: 8 },
 *     },
 *   ],
 *   availability: { "ae-cy": { outOfOffice: [{ from: "2026-12-21T00:00:00Z", to: "2027-01-04T00:00:00Z" }] } },
 *   seed: "team-2026",
 * });
 * routing.setup.fallback; // "everyone"
 * ```
 * @category Routing
 */
export function defineRouting(setup: RoutingSetup): Routing {
  const parsed = setupSchema.safeParse(setup);
  if (!parsed.success)
    throw new HandoffKitError("invalid_config", {
      detail: "defineRouting",
      issues: fromZodIssues(parsed.error.issues),
    });
  const checked = parsed.data;
  const availability = Object.fromEntries(
    Object.entries(checked.availability ?? {}).map(([rep, spec]) => [
      rep,
      {
        ...(spec.outOfOffice === undefined
          ? {}
          : {
              outOfOffice: spec.outOfOffice.map((period) => ({ from: period.from.getTime(), to: period.to.getTime() })),
            }),
        ...(spec.calendar === undefined ? {} : { calendar: spec.calendar }),
      },
    ]),
  );
  const routing = { setup: deepFrozen(checked) } as unknown as Routing;
  // Keys are read as a lead's domain is (any case, `www.`, a final dot), so `ACME.com` finds jo@acme.com.
  const owners: Record<string, string> = {};
  for (const [key, owner] of Object.entries(checked.accountOwners ?? {})) {
    const domain = domainOf(key);
    if (domain !== undefined) owners[domain] = owner;
  }
  compiledByRouting.set(routing, {
    queues: new Map(routing.setup.queues.map((queue) => [queue.id, compileQueue(queue, checked.seed, availability)])),
    owners,
  });
  return Object.freeze(routing);
}

/** Freezes plain objects and arrays all the way down; a calendar (already frozen by its maker) is left as it is. */
function deepFrozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
