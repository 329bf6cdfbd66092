// The routers' own documented examples, with the numbers they give, through the public API.
import { describe, expect, it } from "vitest";
import {
  creditBack,
  defineRouting,
  routeLeads,
  standing,
  type Lead,
  type QueueStrategy,
} from "../../src/routing/index.js";

const START = Date.UTC(2026, 11, 1, 15);

const teamOf = (weights: readonly number[], strategy: QueueStrategy = "weighted") =>
  defineRouting({
    rules: [],
    fallback: "team",
    queues: [
      {
        id: "team",
        members: weights.map((weight, i) => ({ rep: `rep-${String(i)}`, weight })),
        strategy,
        timeZone: "America/New_York",
        reset: "never",
      },
    ],
    seed: "documented",
  });

/** `n` leads a minute apart from the `from`th minute, with who is away for each. */
const leads = (n: number, away: (i: number) => string[] = () => [], from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    lead: { id: `lead-${String(from + i)}` } satisfies Lead,
    at: START + (from + i) * 60_000,
    away: new Set(away(i)),
  }));

const tally = (assignees: readonly (string | undefined)[]) => {
  const counts: Record<string, number> = {};
  for (const rep of assignees) if (rep !== undefined) counts[rep] = (counts[rep] ?? 0) + 1;
  return counts;
};

describe("the routers' documented examples", () => {
  it("Chili Piper: weights 200%/100%/100% over 60 meetings give 30/15/15", () => {
    const { log } = routeLeads(leads(60), teamOf([200, 100, 100]));
    expect(tally(log.map((entry) => entry.assignee))).toEqual({ "rep-0": 30, "rep-1": 15, "rep-2": 15 });
  });

  it("HubSpot: a member at 100% gets twice as many as one at 50%", () => {
    const { log } = routeLeads(leads(30), teamOf([100, 50]));
    expect(tally(log.map((entry) => entry.assignee))).toEqual({ "rep-0": 20, "rep-1": 10 });
  });

  it("Default: priorities are ratios, so 100/100/50 routes exactly as 50/50/25 and 2/2/1", () => {
    const assigned = (weights: number[]) => routeLeads(leads(50), teamOf(weights)).log.map((entry) => entry.assignee);
    expect(assigned([100, 100, 50])).toEqual(assigned([50, 50, 25]));
    expect(assigned([100, 100, 50])).toEqual(assigned([2, 2, 1]));
    expect(tally(assigned([100, 100, 50]))).toEqual({ "rep-0": 20, "rep-1": 20, "rep-2": 10 });
  });

  it("Salesforce: round robin over three users gives u1, u2, u3, u1, u2, u3", () => {
    const order = routeLeads(leads(6), teamOf([1, 1, 1], "least_recent")).log.map((entry) => entry.assignee);
    expect(new Set(order.slice(0, 3)).size).toBe(3);
    expect(order.slice(3)).toEqual(order.slice(0, 3));
  });

  it("Salesforce's Most Available: with 3 held by A and 1 by B, B takes the next", () => {
    // B is away for the first three leads, so A holds 3; B takes the fourth, and then holds 1.
    const routing = teamOf([1, 1], "lightest_load");
    const { log, state } = routeLeads(
      leads(4, (i) => (i < 3 ? ["rep-1"] : [])),
      routing,
    );
    expect(log.map((entry) => entry.assignee)).toEqual(["rep-0", "rep-0", "rep-0", "rep-1"]);
    const next = routeLeads(
      leads(1, () => [], 4),
      routing,
      { state },
    ).log[0];
    expect(next?.assignee).toBe("rep-1");
  });

  it("Chili Piper: a no-show is credited back, one meeting, and its member is next", () => {
    // Two equal members, four meetings: two each. One of the first member's is a no-show: credited
    // back it holds one, under its share of two, and the fifth meeting is its.
    const routing = teamOf([1, 1]);
    const { log, state } = routeLeads(leads(4), routing);
    const first = log[0];
    const back = creditBack(state, routing, { queue: "team", rep: first?.assignee ?? "", takenAt: first?.at ?? 0 });
    expect(standing(back, routing, "team").map((member) => member.count)).toEqual(
      [1, 1].map((n, i) => (`rep-${String(i)}` === first?.assignee ? n : 2)),
    );
    expect(
      routeLeads(
        leads(1, () => [], 4),
        routing,
        { state: back },
      ).log[0]?.assignee,
    ).toBe(first?.assignee);
  });
});
