import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { defineRouting } from "../../src/routing/define-routing.js";
import type { RoutingSetup } from "../../src/routing/define-routing.js";

const GOOD: RoutingSetup = {
  rules: [{ id: "emea", when: { territory: ["EMEA"], dealSize: { min: 10, max: 20 } }, queue: "emea" }],
  fallback: "emea",
  queues: [
    {
      id: "emea",
      members: [
        { rep: "ae-ana", weight: 200 },
        { rep: "ae-ben", weight: 100 },
      ],
      strategy: "weighted",
      timeZone: "europe/london",
      reset: "monthly",
      caps: { day: 5 },
    },
  ],
  seed: "team",
};

/** The paths of the issues defineRouting throws for a setup. */
function issuePaths(setup: unknown): string[] {
  try {
    defineRouting(setup as RoutingSetup);
  } catch (error) {
    if (error instanceof HandoffKitError && error.code === "invalid_config")
      return error.issues.map((issue) => issue.path.join("."));
    throw error;
  }
  return [];
}

describe("defineRouting", () => {
  it("accepts a good setup, spelling its zones as the tz database does", () => {
    expect(defineRouting(GOOD).setup.queues[0]?.timeZone).toBe("Europe/London");
  });

  it("freezes the setup all the way down", () => {
    const { setup } = defineRouting(GOOD);
    expect(Object.isFrozen(setup.queues[0]?.members[0])).toBe(true);
    expect(Object.isFrozen(setup.rules[0]?.when.territory)).toBe(true);
  });

  it("checks each rep's out-of-office periods and calendar", () => {
    expect(
      issuePaths({
        ...GOOD,
        availability: {
          "ae-ana": {
            outOfOffice: [
              { from: "2026-12-24T00:00:00Z", to: "2026-12-23T00:00:00Z" },
              { from: "Christmas", to: "2026-12-27T00:00:00Z" },
            ],
          },
          "ae-ben": { calendar: { timeZone: "UTC" } as never },
        },
      }),
    ).toEqual([
      "availability.ae-ana.outOfOffice.0.to",
      "availability.ae-ana.outOfOffice.1.from",
      "availability.ae-ben.calendar",
    ]);
  });

  it("names each bad field by its path", () => {
    const queue = GOOD.queues[0] as RoutingSetup["queues"][number];
    expect(
      issuePaths({
        ...GOOD,
        fallback: "nowhere",
        rules: [{ id: "r", when: { dealSize: { min: 20, max: 10 } }, queue: "apac" }],
        queues: [
          {
            ...queue,
            timeZone: "Mars/Olympus",
            members: [
              { rep: "ae-ana", weight: 1.5 },
              { rep: "ae-ana", weight: 1 },
            ],
          },
        ],
      }),
    ).toEqual(["rules.0.when.dealSize.max", "queues.0.members.0.weight", "queues.0.timeZone"]);
  });

  it("checks what spans fields once every field is well formed: members, queue ids, the queues named", () => {
    const queue = GOOD.queues[0] as RoutingSetup["queues"][number];
    expect(
      issuePaths({
        ...GOOD,
        fallback: "nowhere",
        rules: [{ id: "r", when: {}, queue: "apac" }],
        queues: [
          {
            ...queue,
            members: [
              { rep: "ae-ana", weight: 1 },
              { rep: "ae-ana", weight: 2 },
            ],
          },
          queue,
        ],
      }),
    ).toEqual(["queues.0.members.1.rep", "queues.1.id", "rules.0.queue", "fallback"]);
  });
});

describe("defineRouting's account owners", () => {
  it("names a key that is no domain, and one domain given two owners", () => {
    expect(
      issuePaths({ ...GOOD, accountOwners: { localhost: "ae-ana", "acme.com": "ae-ana", "WWW.Acme.com": "ae-ben" } }),
    ).toEqual(["accountOwners.localhost", "accountOwners.WWW.Acme.com"]);
  });
});
