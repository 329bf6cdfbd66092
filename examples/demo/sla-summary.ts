import { summarize, type Handoff } from "handoff-kit/handoff";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  AE_CONFIRMS_SAME_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  evaluateSla,
  explainSla,
  parseCalendar,
  type Calendar,
  type SlaEvaluation,
} from "handoff-kit/sla";
import { renderTable } from "./table.js";

/**
 * The built-in policies that fit the sample team, whose gate sits before the meeting (the
 * handoff-checklist article).
 */
export const DEMO_POLICIES = [
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_CONFIRMS_SAME_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
] as const;

/** Builds each rep's calendar from the sample's specs, reporting any that do not parse. */
export function buildCalendars(specs: Readonly<Record<string, unknown>>, out: string[]): Map<string, Calendar> {
  const calendars = new Map<string, Calendar>();
  for (const [id, spec] of Object.entries(specs)) {
    const result = parseCalendar(spec);
    if (result.ok) calendars.set(id, result.value);
    else
      out.push(
        `calendar ${id}: ${result.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
      );
  }
  return calendars;
}

/**
 * Evaluates every demo policy on every handoff at `asOf`, on the calendar of the AE who owns it now (the
 * one a `reassigned` event names, else the record's), which is also the AE it is counted under.
 */
export function evaluateAll(
  handoffs: readonly Handoff[],
  calendars: ReadonlyMap<string, Calendar>,
  asOf: Date,
): { handoff: Handoff; aeName: string; evaluations: SlaEvaluation[] }[] {
  const names = new Map(handoffs.map(({ ae }) => [ae.id, ae.name]));
  return handoffs.flatMap((handoff) => {
    const { aeId, aeCalendarId } = summarize(handoff);
    const ae = calendars.get(aeCalendarId);
    if (ae === undefined) return [];
    return [
      {
        handoff,
        aeName: names.get(aeId) ?? aeId,
        evaluations: DEMO_POLICIES.map((policy) =>
          evaluateSla(handoff.events, policy, { now: asOf, calendars: { ae } }),
        ),
      },
    ];
  });
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;

/** The demo's SLA section: states per policy, breaches per AE, and one breach explained. */
export function slaSection(results: ReturnType<typeof evaluateAll>): string[] {
  const out: string[] = [];
  const states = ["met", "breached", "running", "paused", "cancelled", "not_started"] as const;
  const rows = DEMO_POLICIES.map((policy, index) => {
    const counts = states.map(
      (state) => results.filter(({ evaluations }) => evaluations[index]?.state === state).length,
    );
    const [met = 0, breached = 0] = counts;
    return [policy.id, ...counts, percent(met, met + breached)];
  });
  out.push(renderTable(["policy", ...states, "met / (met + breached)"], rows));

  out.push("", "SLA breaches by AE (latest cycle of each handoff)");
  const byAe = new Map<string, number[]>();
  for (const { aeName, evaluations } of results) {
    const row = byAe.get(aeName) ?? DEMO_POLICIES.map(() => 0);
    evaluations.forEach((evaluation, index) => {
      if (evaluation.state === "breached") row[index] = (row[index] ?? 0) + 1;
    });
    byAe.set(aeName, row);
  }
  out.push(
    renderTable(
      ["AE", ...DEMO_POLICIES.map((policy) => policy.id)],
      [...byAe].sort(([a], [b]) => a.localeCompare(b)).map(([name, counts]) => [name, ...counts]),
    ),
  );

  const example =
    results.find(
      ({ evaluations }) => evaluations[1]?.state === "breached" && evaluations[1].current?.trace.cap?.applied === true,
    ) ?? results.find(({ evaluations }) => evaluations[1]?.state === "breached");
  const explained = example?.evaluations[1];
  if (example !== undefined && explained !== undefined) {
    out.push(
      "",
      `Why handoff ${example.handoff.id} (${example.handoff.account.name}) breached the acceptance SLA:`,
      explainSla(explained),
    );
  }
  return out;
}
