import type { Handoff } from "handoff-kit/handoff";
import { defineRouting, explainRoute, route, whatIf, type Routing, type RoutingState } from "handoff-kit/routing";
import type { Calendar } from "handoff-kit/sla";

/**
 * The routing the demo proposes for the sample team: EMEA to Luca, North America's enterprise to Iris,
 * the rest of North America to Jamal and Kate as one pool, 3 to 2, at most four a day each, skipping an
 * AE outside their working hours (docs/routing.md runs the same over the quarter).
 */
export function demoRouting(calendars: ReadonlyMap<string, Calendar>): Routing {
  const hours = (rep: string) => {
    const calendar = calendars.get(rep);
    return calendar === undefined ? {} : { calendar };
  };
  return defineRouting({
    rules: [
      { id: "emea", when: { territory: ["EMEA"] }, queue: "emea" },
      { id: "enterprise", when: { segment: ["enterprise"] }, queue: "enterprise" },
    ],
    fallback: "na-pool",
    queues: [
      {
        id: "emea",
        members: [{ rep: "ae-luca", weight: 1 }],
        strategy: "least_recent",
        timeZone: "Europe/London",
        reset: "never",
      },
      {
        id: "enterprise",
        members: [{ rep: "ae-iris", weight: 1 }],
        strategy: "least_recent",
        timeZone: "America/New_York",
        reset: "never",
      },
      {
        id: "na-pool",
        members: [
          { rep: "ae-jamal", weight: 3 },
          { rep: "ae-kate", weight: 2 },
        ],
        strategy: "weighted",
        timeZone: "America/Chicago",
        reset: "monthly",
        caps: { day: 4 },
      },
    ],
    availability: { "ae-jamal": hours("ae-jamal"), "ae-kate": hours("ae-kate") },
    seed: "q3-review",
  });
}

const bookedAt = (handoff: Handoff): Date | undefined => handoff.events.find((event) => event.type === "booked")?.at;

/**
 * One routed day: the bookings of the sample's busiest day (in `zone`) routed in time order through the
 * proposed routing, each with its explanation; then what the same routing would have done over the quarter.
 */
export function routingSection(
  handoffs: readonly Handoff[],
  calendars: ReadonlyMap<string, Calendar>,
  zone: string,
): string[] {
  const routing = demoRouting(calendars);
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
  const timeOf = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" });
  const byDay = new Map<string, Handoff[]>();
  for (const handoff of handoffs) {
    const at = bookedAt(handoff);
    if (at === undefined) continue;
    const day = dayOf.format(at);
    byDay.set(day, [...(byDay.get(day) ?? []), handoff]);
  }
  const [day, booked] = [...byDay].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))[0] ?? ["", []];
  const ordered = [...booked].sort((a, b) => (bookedAt(a)?.getTime() ?? 0) - (bookedAt(b)?.getTime() ?? 0));
  const out = [`${day}, the busiest day: ${String(ordered.length)} bookings routed in order (times in ${zone})`];
  let state: RoutingState = { queues: {} };
  for (const handoff of ordered) {
    const at = bookedAt(handoff) ?? new Date(0);
    const result = route(
      state,
      { id: handoff.id, territory: handoff.account.region, segment: handoff.segment, source: handoff.source },
      routing,
      { now: at },
    );
    state = result.state;
    out.push(`  ${timeOf.format(at)}  ${explainRoute(result)}`);
  }
  const report = whatIf(handoffs, routing, { creditBack: { cancelled: true, noShow: true } });
  const unrouted = report.assignments.filter((assignment) => assignment.routed === undefined).length;
  out.push(
    "",
    `The same routing over the quarter (whatIf, cancellations and no-shows given back): ` +
      `${String(report.differing)} of ${String(report.assignments.length)} handoffs to another AE than had them, ` +
      `${String(unrouted)} with no one free`,
  );
  for (const share of report.shares)
    out.push(`  ${share.queue} ${share.rep}: ${String(share.leads)} leads, weighted share ${share.target.toFixed(1)}`);
  return out;
}
