import { describe, expect, it } from "vitest";
import { defineRouting, explainRoute, route } from "../../src/routing/index.js";

const NOW = Date.UTC(2026, 11, 4, 15);
const routing = defineRouting({
  rules: [{ id: "emea", when: { territory: ["EMEA"] }, queue: "emea" }],
  fallback: "team",
  queues: [
    { id: "emea", members: [{ rep: "ae-luca", weight: 1 }], strategy: "weighted", timeZone: "UTC", reset: "never" },
    {
      id: "team",
      members: [
        { rep: "ae-ben", weight: 1 },
        { rep: "ae-cy", weight: 1 },
      ],
      strategy: "weighted",
      timeZone: "UTC",
      reset: "never",
      caps: { day: 1 },
    },
  ],
  accountOwners: { "acme.com": "ae-luca" },
  seed: "s",
});

describe("explainRoute", () => {
  it("says who took the lead, by which rule, why earlier rules failed, and how the member stood", () => {
    const result = route(undefined, { id: "lead-7", territory: "APAC" }, routing, {
      now: NOW,
      away: new Set(["ae-cy"]),
    });
    // ae-cy away: ae-ben alone shares the lead, so it earns all of it.
    expect(explainRoute(result)).toBe(
      'lead-7 to ae-ben by the fallback queue "team" (rule emea: territory "APAC" is not EMEA); ' +
        "passed over: ae-cy away; ae-ben had taken 0 leads this period of 1 earned",
    );
  });

  it("names the account's owner, and a queue with no one free", () => {
    expect(explainRoute(route(undefined, { id: "l", email: "jo@acme.com" }, routing, { now: NOW }))).toBe(
      "l to ae-luca, the owner of acme.com",
    );
    // Both members of the team take one lead each, their day's cap; the third lead finds no one.
    let state = route(undefined, { id: "a" }, routing, { now: NOW }).state;
    state = route(state, { id: "b" }, routing, { now: NOW + 1 }).state;
    const third = route(state, { id: "c", email: "jo@acme.com" }, routing, {
      now: NOW + 2,
      away: new Set(["ae-luca"]),
    });
    expect(explainRoute(third)).toBe(
      // The lead has no territory: the emea rule cannot match it.
      'c: no one free in the fallback queue "team" (rule emea: territory is missing (wanted EMEA)); ' +
        "the owner of acme.com, ae-luca, is away; " +
        "passed over: ae-ben at the day's cap, ae-cy at the day's cap",
    );
  });
});
