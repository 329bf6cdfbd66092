import { describe, expect, it } from "vitest";
import { parseHandoff, type Handoff } from "../../src/handoff/index.js";
import { defineRouting, type RoutingSetup } from "../../src/routing/define-routing.js";
import { whatIf } from "../../src/routing/what-if.js";
import { handoffInput } from "../fixtures/handoff.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 15);

/** A handoff booked at T0 + `hour` hours with the AE who had it, and later events. */
function booked(
  id: string,
  hour: number,
  ae: string,
  later: { type: string; hours: number; to?: string }[] = [],
): Handoff {
  const base = handoffInput();
  const at = (h: number) => new Date(T0 + h * HOUR).toISOString();
  const result = parseHandoff({
    ...base,
    id,
    ae: { id: ae, name: ae },
    account: { name: `Account ${id}`, region: "NA" },
    prospect: { ...base.prospect, email: undefined },
    events: [
      {
        id: `${id}-b`,
        type: "booked",
        at: at(hour),
        by: "sdr-ana",
        meeting: { start: at(hour + 48), end: at(hour + 48.5) },
      },
      ...later.map((event, i) => ({
        id: `${id}-${String(i)}`,
        type: event.type,
        at: at(hour + event.hours),
        by: "ae-x",
        ...(event.type === "reassigned" ? { role: "ae", to: event.to } : {}),
        ...(event.type === "rejected" ? { reason: "not_qualified", note: "No budget this year" } : {}),
      })),
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const SETUP: RoutingSetup = {
  rules: [],
  fallback: "ae",
  queues: [
    {
      id: "ae",
      members: [
        { rep: "ae-ben", weight: 1 },
        { rep: "ae-cy", weight: 1 },
      ],
      strategy: "weighted",
      timeZone: "America/New_York",
      reset: "never",
    },
  ],
  seed: "team",
};

const ROUTING = defineRouting(SETUP);

describe("whatIf", () => {
  it("routes each handoff when it was booked and gives a cancelled one back when asked", () => {
    // Four bookings an hour apart; the first is cancelled an hour and a half after it was booked,
    // before the third booking. With credit back for cancellations, its member gets the third lead.
    const handoffs = [
      booked("h1", 0, "ae-ben", [{ type: "cancelled", hours: 1.5 }]),
      booked("h2", 1, "ae-ben"),
      booked("h3", 2, "ae-ben"),
      booked("h4", 3, "ae-cy"),
    ];
    const withCredit = whatIf(handoffs, ROUTING, { creditBack: { cancelled: true } });
    const routed = withCredit.assignments.map((assignment) => assignment.routed);
    expect(routed[0]).not.toBe(routed[1]);
    expect(routed[2]).toBe(routed[0]);
    expect(withCredit.shares.map((share) => share.leads).sort()).toEqual([1, 2]);
    expect(withCredit.shares.every((share) => share.target === 1.5)).toBe(true);
    const without = whatIf(handoffs, ROUTING);
    expect(without.assignments.map((assignment) => assignment.routed)[2]).toBe(routed[0]);
    expect(without.shares.map((share) => share.leads)).toEqual([2, 2]);
    expect(withCredit.differing).toBe(
      routed.filter((rep, i) => rep !== ["ae-ben", "ae-ben", "ae-ben", "ae-cy"][i]).length,
    );
  });

  it("moves a reassigned handoff to its new AE, and never routes to someone away", () => {
    // h1 is booked while ae-ben is away: ae-cy takes it, and it is reassigned to ae-ben half an hour
    // later, when he is back (counts: ae-ben 1, ae-cy 0; earned: ae-ben 0, ae-cy 1, his absence forgiven).
    // h2, an hour in: ae-ben has earned 0.5 and holds 1, over it; ae-cy has earned 1.5 and holds 0: hers.
    const handoffs = [
      booked("h1", 0, "ae-ben", [{ type: "reassigned", hours: 0.5, to: "ae-ben" }]),
      booked("h2", 1, "ae-ben"),
    ];
    const report = whatIf(handoffs, ROUTING, { away: (rep, at) => rep === "ae-ben" && at < T0 + 0.5 * HOUR });
    expect(report.assignments.map((assignment) => assignment.routed)).toEqual(["ae-cy", "ae-cy"]);
    expect(report.differing).toBe(2);
    expect(report.shares).toEqual([
      { queue: "ae", rep: "ae-ben", leads: 1, target: 1 },
      { queue: "ae", rep: "ae-cy", leads: 1, target: 1 },
    ]);
  });
});

describe("whatIf, what the second independent check found", () => {
  it("routes a handoff at its earliest booking, wherever the export lists it", () => {
    // Booked at hour 5 (listed first) and at hour 0, cancelled at hour 2: routed at hour 0, and the
    // cancellation, after that booking, gives the lead back.
    const late = booked("h1", 5, "ae-ben");
    const early = booked("h1", 0, "ae-ben", [{ type: "cancelled", hours: 2 }]);
    const handoff: Handoff = { ...early, events: [late.events[0], ...early.events] as Handoff["events"] };
    const report = whatIf([handoff], ROUTING, { creditBack: { cancelled: true } });
    expect(report.assignments.map((assignment) => assignment.at)).toEqual([T0]);
    expect(report.shares.map((share) => share.leads)).toEqual([0, 0]);
  });

  it("keeps two records with one id apart: a cancellation gives back its own record's lead", () => {
    // Two equal members: the first h1 (hour 0) goes to one, the second h1 (hour 1) to the other; the
    // first is cancelled at hour 2, so its member holds none and the other one.
    const first = booked("h1", 0, "ae-ben", [{ type: "cancelled", hours: 2 }]);
    const second = booked("h1", 1, "ae-ben");
    const report = whatIf([first, second], ROUTING, { creditBack: { cancelled: true } });
    const [one, two] = report.assignments.map((assignment) => assignment.routed);
    expect(one).not.toBe(two);
    expect(report.shares.find((share) => share.rep === one)?.leads).toBe(0);
    expect(report.shares.find((share) => share.rep === two)?.leads).toBe(1);
  });

  it("applies the away option to an account's owner outside the queues", () => {
    const owned = defineRouting({ ...SETUP, accountOwners: { "acme.com": "ae-owner" } });
    const h = booked("h1", 0, "ae-ben");
    const handoff: Handoff = { ...h, account: { ...h.account, domain: "acme.com" } };
    expect(whatIf([handoff], owned).assignments[0]?.routed).toBe("ae-owner");
    const away = whatIf([handoff], owned, { away: (rep) => rep === "ae-owner" });
    expect(["ae-ben", "ae-cy"]).toContain(away.assignments[0]?.routed);
  });
});
