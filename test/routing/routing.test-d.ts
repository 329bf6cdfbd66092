import { describe, expectTypeOf, it } from "vitest";
import {
  defineRouting,
  route,
  whatIf,
  type Routing,
  type RouteResult,
  type RoutingSetup,
  type RoutingState,
  type Skip,
  type WhatIfReport,
} from "../../src/routing/index.js";

const setup: RoutingSetup = {
  rules: [],
  fallback: "team",
  queues: [{ id: "team", members: [{ rep: "a", weight: 1 }], strategy: "weighted", timeZone: "UTC", reset: "never" }],
  seed: "s",
};

describe("routing types", () => {
  it("only defineRouting makes a Routing, and route reads one", () => {
    expectTypeOf(defineRouting(setup)).toEqualTypeOf<Routing>();
    // @ts-expect-error: a setup is not a Routing until defineRouting has checked it
    route(undefined, { id: "l" }, setup, { now: 0 });
    expectTypeOf(route(undefined, { id: "l" }, defineRouting(setup), { now: new Date() })).toEqualTypeOf<RouteResult>();
  });

  it("names the strategies, resets, absences and reasons as unions", () => {
    const bad: RoutingSetup = {
      ...setup,
      // @ts-expect-error: "random" is not a strategy
      queues: [{ id: "q", members: [], strategy: "random", timeZone: "UTC", reset: "never" }],
    };
    expectTypeOf(bad).toEqualTypeOf<RoutingSetup>();
    expectTypeOf<Skip>().toEqualTypeOf<
      "away" | "out_of_office" | "off_hours" | "capped_day" | "capped_week" | "capped_month"
    >();
    expectTypeOf<RouteResult["by"]>().toEqualTypeOf<"account_owner" | "queue" | "none">();
  });

  it("takes instants as Dates or epoch ms, and a state that is plain data", () => {
    const routing = defineRouting(setup);
    // @ts-expect-error: an instant is a Date or epoch milliseconds, not text
    route(undefined, { id: "l" }, routing, { now: "2026-12-04T15:00:00Z" });
    expectTypeOf<RouteResult["state"]>().toEqualTypeOf<RoutingState>();
    expectTypeOf(JSON.parse("{}") as RoutingState).toEqualTypeOf<RoutingState>();
    expectTypeOf(whatIf([], routing)).toEqualTypeOf<WhatIfReport>();
  });
});
