// A queue's decisions: the weighted queue keeps every member within one lead of its weighted share
// after every lead while all are free (Chili Piper's example: 200/100/100 over 60 gives 30/15/15); a
// member away is never chosen; caps are never passed, counted in the queue's zone; a replay gives the
// same choices; counts start again at the reset, in the queue's zone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRank } from "../../src/routing/seeded-rank.js";
import { compileQueue, type CompiledQueue } from "../../src/routing/compile-queue.js";
import {
  creditBack,
  queueStanding,
  reassign,
  routeInQueue,
  type QueueLedger,
  type RoutingQueue,
} from "../../src/routing/route-in-queue.js";

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 2, 14); // Monday 2 November 2026, 09:00 in New York

const queueOf = (weights: readonly number[], extra: Partial<RoutingQueue> = {}, seed = "s"): CompiledQueue =>
  compileQueue(
    {
      id: "q",
      members: weights.map((weight, i) => ({ rep: `rep-${String(i)}`, weight })),
      strategy: "weighted",
      timeZone: "America/New_York",
      reset: "never",
      ...extra,
    },
    seed,
  );

/** A member's standing in a ledger, by rep. */
const member = (queue: CompiledQueue, ledger: QueueLedger, rep: string) =>
  queueStanding(queue, ledger).find((entry) => entry.rep === rep);

/** Routes `leads` leads, one every `gap` ms, and returns who took each and the ledgers after each. */
function run(queue: CompiledQueue, leads: number, options: { gap?: number; away?: (n: number) => Set<string> } = {}) {
  let ledger: QueueLedger | undefined;
  const assignees: (string | undefined)[] = [];
  const ledgers: QueueLedger[] = [];
  for (let n = 0; n < leads; n += 1) {
    const decision = routeInQueue(queue, ledger, START + n * (options.gap ?? MINUTE), options.away?.(n) ?? new Set());
    assignees.push(decision.assignee);
    ledger = decision.ledger;
    ledgers.push(ledger);
  }
  return { assignees, ledgers };
}

const tally = (assignees: readonly (string | undefined)[]) => {
  const counts: Record<string, number> = {};
  for (const rep of assignees) if (rep !== undefined) counts[rep] = (counts[rep] ?? 0) + 1;
  return counts;
};

describe("routeInQueue, weighted", () => {
  it("gives 30/15/15 of 60 leads to weights 200/100/100", () => {
    expect(tally(run(queueOf([200, 100, 100]), 60).assignees)).toEqual({ "rep-0": 30, "rep-1": 15, "rep-2": 15 });
  });

  it("keeps every member within one lead of its weighted share after every lead while all are free", () => {
    let lopsided = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 250 }),
        fc.string({ maxLength: 4 }),
        (weights, leads, seed) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const counts = weights.map(() => 0);
          run(queueOf(weights, {}, seed), leads).assignees.forEach((rep, n) => {
            const i = Number(rep?.slice(4));
            counts[i] = (counts[i] ?? 0) + 1;
            weights.forEach((weight, j) => {
              expect(Math.abs((counts[j] ?? 0) - ((n + 1) * weight) / total)).toBeLessThan(1);
            });
          });
          if (weights.length > 2 && Math.max(...weights) > 20 * Math.min(...weights)) lopsided += 1;
        },
      ),
      { numRuns: 400, seed: 18 },
    );
    // The lopsided weights that push the largest-deficit rule past one lead occurred.
    expect(lopsided).toBeGreaterThan(20);
  });
});

describe("routeInQueue, any strategy", () => {
  const strategies = ["weighted", "least_recent", "lightest_load"] as const;

  it("never chooses a member away, and chooses no one when everyone is", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...strategies),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 60 }),
        (strategy, weights, awayByLead) => {
          const away = (n: number) =>
            new Set(weights.flatMap((_, i) => ((awayByLead[n] ?? [])[i] === true ? [`rep-${String(i)}`] : [])));
          const { assignees } = run(queueOf(weights, { strategy }), awayByLead.length, { away });
          assignees.forEach((rep, n) => {
            if (rep === undefined) expect(away(n).size).toBe(weights.length);
            else expect(away(n).has(rep)).toBe(false);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never passes a cap, counted by the local day in the queue's zone", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...strategies),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 80 }),
        (strategy, members, cap, leads) => {
          // One lead an hour: a local day in New York holds 24 of them, split across two UTC days.
          const queue = queueOf(
            Array.from({ length: members }, () => 1),
            { strategy, caps: { day: cap } },
          );
          const { assignees } = run(queue, leads, { gap: 60 * MINUTE });
          const perDay = new Map<string, number>();
          assignees.forEach((rep, n) => {
            if (rep === undefined) return;
            const local = new Date(START + n * 60 * MINUTE - 5 * 60 * MINUTE).toISOString().slice(0, 10);
            const key = `${rep}:${local}`;
            perDay.set(key, (perDay.get(key) ?? 0) + 1);
          });
          for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives the same choices on a replay", () => {
    const queue = queueOf([3, 1, 1, 2], { strategy: "lightest_load" }, "team");
    expect(run(queue, 40).assignees).toEqual(run(queue, 40).assignees);
  });

  it("rotates through the members least recently assigned, and by load per weight", () => {
    expect(run(queueOf([1, 1, 1], { strategy: "least_recent" }), 6).assignees.slice(3)).toEqual(
      run(queueOf([1, 1, 1], { strategy: "least_recent" }), 3).assignees,
    );
    // Weights 2 and 1: the lightest load per unit of weight gives the first two of every three.
    expect(tally(run(queueOf([2, 1], { strategy: "lightest_load" }), 30).assignees)).toEqual({
      "rep-0": 20,
      "rep-1": 10,
    });
  });

  it("starts counting again each month in the queue's zone", () => {
    const queue = queueOf([1, 1], { reset: "monthly" });
    // 30 November 2026, 23:30 in New York is 1 December 04:30 UTC: still November there.
    const november = routeInQueue(queue, undefined, Date.UTC(2026, 11, 1, 4, 30));
    expect(november.ledger.period).toBe("2026-11");
    const december = routeInQueue(queue, november.ledger, Date.UTC(2026, 11, 1, 5, 30));
    expect(december.ledger.period).toBe("2026-12");
    expect(
      queueStanding(queue, december.ledger)
        .map((entry) => entry.count)
        .sort(),
    ).toEqual([0, 1]);
  });
});

describe("creditBack", () => {
  it("takes the lead off the member's count and its day's cap counter, and the next lead returns to it", () => {
    const queue = queueOf([1, 1, 1], { caps: { day: 5 } });
    const { assignees, ledgers } = run(queue, 6);
    const last = ledgers.at(-1) as QueueLedger;
    const rep = assignees[4] as string;
    const credited = creditBack(queue, last, rep, START + 4 * MINUTE);
    expect(member(queue, credited, rep)?.count).toBe(1);
    for (const other of ["rep-0", "rep-1", "rep-2"].filter((key) => key !== rep))
      expect(member(queue, credited, other)).toEqual(member(queue, last, other));
    // Six leads over three equal members: two each; one given back, the seventh lead goes to its member.
    expect(routeInQueue(queue, credited, START + 6 * MINUTE).assignee).toBe(rep);
  });

  it("leaves a counter of an earlier day alone, and a member with nothing to give back", () => {
    const queue = queueOf([1], { caps: { day: 5 } });
    const { ledgers } = run(queue, 2);
    const last = ledgers.at(-1) as QueueLedger;
    const dayBefore = creditBack(queue, last, "rep-0", START - 24 * 60 * MINUTE);
    expect(member(queue, dayBefore, "rep-0")?.count).toBe(1);
    expect(creditBack(queue, last, "nobody", START)).toBe(last);
  });
});

describe("absence", () => {
  it("keep place: a member back from an absence shares the leads from then on, with no catching up", () => {
    // Two equal members, rep-0 away for the first 10 leads: rep-1 takes them. Lead 11 is shared by both:
    // each earns 0.5 of it. rep-1 holds 10 and has earned 10.5, rep-0 holds 0 and has earned 0.5: both
    // may take it (under their upper quota), and both are due their next lead once the earned share
    // reaches one more than they hold, after the same half lead: a tie, which the seeded rank breaks.
    // From lead 12 they alternate: five each of leads 11 to 20.
    const queue = queueOf([1, 1]);
    const { assignees } = run(queue, 20, { away: (n) => new Set(n < 10 ? ["rep-0"] : []) });
    expect(tally(assignees.slice(0, 10))).toEqual({ "rep-1": 10 });
    expect(assignees[10]).toBe(`rep-${String(seededRank(["rep-0", "rep-1"], "s")[0])}`);
    expect(tally(assignees.slice(10))).toEqual({ "rep-0": 5, "rep-1": 5 });
  });

  it("catch up: everyone within one lead of the share they would have had, from a documented horizon on", () => {
    // The member away is owed its share of each lead it missed (its weight over all members'). Back,
    // it is given one owed lead at a time, at least `every` leads apart and never while already a lead
    // behind; it takes at most one lead a lead, so each owed lead also costs 1 / (1 - share) leads. The
    // horizon: ceil(owed) x (max(every, ceil(1 / (1 - share))) + 1) + the number of members.
    const seen = { owedFive: 0, everyBinds: 0, shareBinds: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (weights, awayLeads, every) => {
          const queue = queueOf(weights, { absence: "catch_up", catchUpEvery: every });
          const total = weights.reduce((a, b) => a + b, 0);
          const share = (weights[0] ?? 0) / total;
          const { assignees, ledgers } = run(queue, awayLeads + 400, {
            away: (n) => new Set(n < awayLeads ? ["rep-0"] : []),
          });
          const before = ledgers[awayLeads - 1];
          const owed = before === undefined ? 0 : (member(queue, before, "rep-0")?.owed ?? 0);
          const pace = Math.ceil(1 / (1 - share) - 1e-9);
          const horizon = Math.ceil(owed - 1e-9) * (Math.max(every, pace) + 1) + weights.length;
          const counts = weights.map(() => 0);
          assignees.forEach((rep, n) => {
            if (n < awayLeads) expect(rep).not.toBe("rep-0");
            const i = Number(rep?.slice(4));
            counts[i] = (counts[i] ?? 0) + 1;
            if (n < awayLeads + horizon) return;
            weights.forEach((weight, j) => {
              expect(Math.abs((counts[j] ?? 0) - ((n + 1) * weight) / total)).toBeLessThan(1);
            });
          });
          // Spread out: in any run of leads after its return, the member takes at most its share of them,
          // one owed lead per `every` of them, and one more for where the run starts.
          const back = assignees.slice(awayLeads).map((rep) => (rep === "rep-0" ? 1 : 0));
          for (const length of [every, 2 * every, 5 * every])
            for (let start = 0; start + length <= back.length; start += 1) {
              const taken = back.slice(start, start + length).reduce((a: number, b) => a + b, 0);
              expect(taken).toBeLessThanOrEqual(Math.ceil(length * share) + Math.ceil(length / every) + 1);
            }
          if (owed >= 5) seen.owedFive += 1;
          if (every > pace) seen.everyBinds += 1;
          if (pace > every) seen.shareBinds += 1;
        },
      ),
      { numRuns: 400, seed: 18 },
    );
    expect(seen.owedFive).toBeGreaterThan(50);
    expect(seen.everyBinds).toBeGreaterThan(20);
    expect(seen.shareBinds).toBeGreaterThan(20);
  });
});

describe("reassign", () => {
  it("credits the first member and counts the lead for the second, under the day it moved", () => {
    const queue = queueOf([1, 1], { caps: { day: 3 } });
    const { assignees, ledgers } = run(queue, 2);
    const last = ledgers.at(-1) as QueueLedger;
    const from = assignees[0] as string;
    const to = from === "rep-0" ? "rep-1" : "rep-0";
    const nextDay = START + 24 * 60 * MINUTE;
    const moved = reassign(queue, last, { from, to, takenAt: START, at: nextDay });
    expect(member(queue, moved, from)?.count).toBe(0);
    expect(member(queue, moved, to)?.count).toBe(2);
    expect(member(queue, moved, to)?.lastAt).toBe(nextDay);
    // Someone outside the queue: the lead only leaves the first member.
    const outside = reassign(queue, last, { from, to: "ae-elsewhere", takenAt: START, at: nextDay });
    expect(queueStanding(queue, outside).map((entry) => entry.rep)).toEqual(["rep-0", "rep-1"]);
    expect(member(queue, outside, from)?.count).toBe(0);
  });
});
