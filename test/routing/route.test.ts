import { describe, expect, it } from "vitest";
import { defineRouting, type RoutingSetup } from "../../src/routing/define-routing.js";
import { creditBack, reassignLead, route, standing, type RoutingState } from "../../src/routing/route.js";
import { seededRank } from "../../src/routing/seeded-rank.js";

const NOW = Date.UTC(2026, 11, 3, 15);
const SETUP: RoutingSetup = {
  rules: [{ id: "emea", when: { territory: ["EMEA"] }, queue: "emea" }],
  fallback: "everyone",
  queues: [
    {
      id: "emea",
      members: [{ rep: "ae-ana", weight: 1 }],
      strategy: "least_recent",
      timeZone: "Europe/London",
      reset: "never",
    },
    {
      id: "everyone",
      members: [
        { rep: "ae-ben", weight: 1 },
        { rep: "ae-cy", weight: 1 },
      ],
      strategy: "weighted",
      timeZone: "America/New_York",
      reset: "monthly",
    },
  ],
  accountOwners: { "acme.com": "ae-cy" },
  seed: "team",
};
const EMPTY: RoutingState = { queues: {} };
const ROUTING = defineRouting(SETUP);

describe("routeLead", () => {
  it("sends a lead from an owned account to its owner, counting it in no queue", () => {
    const result = route(EMPTY, { id: "l1", email: "jo@eu.acme.com", territory: "EMEA" }, ROUTING, { now: NOW });
    expect(result).toMatchObject({ assignee: "ae-cy", by: "account_owner", queue: undefined });
    expect(result.explanation.owner).toEqual({ owner: "ae-cy", domain: "acme.com", away: false });
    expect(result.state).toBe(EMPTY);
  });

  it("routes by the rules when the owner is away, and says so", () => {
    const result = route(EMPTY, { id: "l1", email: "jo@acme.com", territory: "EMEA" }, ROUTING, {
      now: NOW,
      away: new Set(["ae-cy"]),
    });
    expect(result).toMatchObject({ assignee: "ae-ana", by: "queue", queue: "emea", rule: "emea" });
    expect(result.explanation.owner?.away).toBe(true);
    expect(standing(result.state, ROUTING, "emea")).toMatchObject([{ rep: "ae-ana", count: 1 }]);
  });

  it("falls back, and alternates two equal members of the fallback queue", () => {
    let state = EMPTY;
    const assignees: (string | undefined)[] = [];
    for (let n = 0; n < 4; n += 1) {
      const result = route(state, { id: `l${String(n)}`, territory: "APAC" }, ROUTING, { now: NOW + n * 60_000 });
      expect(result.rule).toBeUndefined();
      expect(result.explanation.rules).toEqual([
        { rule: "emea", matched: false, failed: ['territory "APAC" is not EMEA'] },
      ]);
      assignees.push(result.assignee);
      state = result.state;
    }
    expect(new Set(assignees.slice(0, 2))).toEqual(new Set(["ae-ben", "ae-cy"]));
    expect(assignees.slice(2)).toEqual(assignees.slice(0, 2));
  });

  it("names no one when everyone in the queue is away", () => {
    const result = route(EMPTY, { id: "l1", territory: "EMEA" }, ROUTING, { now: NOW, away: new Set(["ae-ana"]) });
    expect(result).toMatchObject({ assignee: undefined, by: "none", queue: "emea" });
    expect(result.explanation.passed).toEqual([{ rep: "ae-ana", skipped: "away" }]);
  });
});

describe("creditBack across a reset", () => {
  it("leaves this month's counts alone when the lead given back was taken last month", () => {
    // The fallback queue resets monthly in New York: a November lead given back in December is not
    // in December's counts.
    const november = route(EMPTY, { id: "a", territory: "APAC" }, ROUTING, { now: Date.UTC(2026, 10, 30, 15) });
    const december = route(november.state, { id: "b", territory: "APAC" }, ROUTING, { now: Date.UTC(2026, 11, 1, 15) });
    const back = creditBack(december.state, ROUTING, {
      queue: "everyone",
      rep: november.assignee ?? "",
      takenAt: Date.UTC(2026, 10, 30, 15),
    });
    expect(standing(back, ROUTING, "everyone")).toEqual(standing(december.state, ROUTING, "everyone"));
    // Given back in the month it was taken, it comes off.
    const same = creditBack(december.state, ROUTING, {
      queue: "everyone",
      rep: december.assignee ?? "",
      takenAt: Date.UTC(2026, 11, 1, 15),
    });
    expect(standing(same, ROUTING, "everyone").map((member) => member.count)).toEqual([0, 0]);
  });
});

describe("caps across a reset", () => {
  it("counts a week's leads toward its cap across the first of a month, when the counts start again", () => {
    // One member, at most two leads a week, counts reset monthly in New York. Monday 31 May 2027 starts
    // an ISO week that ends in June: two leads on the Monday fill the week, and on Tuesday 1 June,
    // a new month, the member is still at the week's cap.
    const routing = defineRouting({
      rules: [],
      fallback: "solo",
      queues: [
        {
          id: "solo",
          members: [{ rep: "ae-ana", weight: 1 }],
          strategy: "weighted",
          timeZone: "America/New_York",
          reset: "monthly",
          caps: { week: 2 },
        },
      ],
      seed: "s",
    });
    let state = route(undefined, { id: "a" }, routing, { now: Date.UTC(2027, 4, 31, 14) }).state;
    state = route(state, { id: "b" }, routing, { now: Date.UTC(2027, 4, 31, 15) }).state;
    const tuesday = route(state, { id: "c" }, routing, { now: Date.UTC(2027, 5, 1, 14) });
    expect(tuesday.assignee).toBeUndefined();
    expect(tuesday.explanation.passed).toEqual([{ rep: "ae-ana", skipped: "capped_week" }]);
    expect(tuesday.state.queues["solo"]?.period).toBe("2027-06");
    // The next Monday, a new week: free again, with June's count from zero.
    const monday = route(tuesday.state, { id: "d" }, routing, { now: Date.UTC(2027, 5, 7, 14) });
    expect(monday.assignee).toBe("ae-ana");
    expect(standing(monday.state, routing, "solo")[0]?.count).toBe(1);
  });
});

describe("ties in the weighted queue", () => {
  it("breaks a tie of exact shares by the seeded rank, not by rounding", () => {
    // Two members of weight 5; a away for the first two leads, b takes them. Lead 3, both free: a holds
    // 0 and has earned 1/2, b holds 2 and has earned 5/2; each falls a lead behind once its share grows
    // by 1/2 more: an exact tie (in floating point a's share is 0.4999999999999999).
    const routing = defineRouting({
      rules: [],
      fallback: "q",
      queues: [
        {
          id: "q",
          members: [
            { rep: "a", weight: 5 },
            { rep: "b", weight: 5 },
          ],
          strategy: "weighted",
          timeZone: "UTC",
          reset: "never",
        },
      ],
      seed: "s",
    });
    let state = route(undefined, { id: "1" }, routing, { now: 0, away: new Set(["a"]) }).state;
    state = route(state, { id: "2" }, routing, { now: 60_000, away: new Set(["a"]) }).state;
    const third = route(state, { id: "3" }, routing, { now: 120_000 });
    // The seeded rank with seed "s": FNV-1a of "s:a" and "s:b" puts a first.
    expect(seededRank(["a", "b"], "s")).toEqual([0, 1]);
    expect(third.assignee).toBe("a");
  });
});

describe("what the second independent check found", () => {
  const pair = (extra: Partial<RoutingSetup["queues"][number]>) =>
    defineRouting({
      rules: [],
      fallback: "q",
      queues: [
        {
          id: "q",
          members: [
            { rep: "a", weight: 1 },
            { rep: "b", weight: 1 },
          ],
          strategy: "weighted",
          timeZone: "UTC",
          reset: "never",
          ...extra,
        },
      ],
      accountOwners: { "ACME.com.": "a", "www.Globex.io": "b" },
      seed: "s",
    });
  const DEC1 = Date.UTC(2026, 11, 1, 10);
  const DAY = 86_400_000;

  it("refuses a lead earlier than its queue's last decision", () => {
    const routing = pair({});
    const { state } = route(undefined, { id: "1" }, routing, { now: DEC1 });
    expect(() => route(state, { id: "2" }, routing, { now: DEC1 - 1 })).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    // The same instant is in order.
    expect(route(state, { id: "2" }, routing, { now: DEC1 }).assignee).toBeDefined();
  });

  it("counts a lead reassigned on a later day toward that day's cap", () => {
    // One lead a day at most. The 1 December lead moves to the other member on 2 December at 10:00; at
    // 10:01 the first member is away and the second already holds that day's one lead: no one is free.
    const routing = pair({ caps: { day: 1 } });
    const first = route(undefined, { id: "1" }, routing, { now: DEC1 });
    const from = first.assignee ?? "";
    const to = from === "a" ? "b" : "a";
    const moved = reassignLead(first.state, routing, { queue: "q", from, to, takenAt: DEC1, at: DEC1 + DAY });
    const next = route(moved, { id: "2" }, routing, { now: DEC1 + DAY + 60_000, away: new Set([from]) });
    expect(next.assignee).toBeUndefined();
    expect(next.explanation.passed).toContainEqual({ rep: to, skipped: "capped_day" });
  });

  it("owes a catch-up member nothing for a lead it could not have taken: away, but also at its cap", () => {
    // One lead a day at most: the first lead brings its member to the cap; away for the second, it is
    // still capped, so nothing is owed to it (while the other member, free, earns the lead).
    const routing = pair({ caps: { day: 1 }, absence: "catch_up" });
    const first = route(undefined, { id: "1" }, routing, { now: DEC1 });
    const taker = first.assignee ?? "";
    const second = route(first.state, { id: "2" }, routing, { now: DEC1 + 60_000, away: new Set([taker]) });
    expect(standing(second.state, routing, "q").find((member) => member.rep === taker)?.owed).toBe(0);
  });

  it("reads account owners' domains as it reads a lead's: any case, www., a final dot", () => {
    const routing = pair({});
    expect(route(undefined, { id: "1", email: "jo@acme.com" }, routing, { now: DEC1 }).assignee).toBe("a");
    expect(route(undefined, { id: "2", email: "Li@GLOBEX.io" }, routing, { now: DEC1 }).assignee).toBe("b");
  });
});
