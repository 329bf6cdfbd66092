import { icpSubjectOf, type Handoff } from "handoff-kit/handoff";
import {
  BANT,
  crosswalk,
  defineIcp,
  defineSqlDefinition,
  evaluateQualification,
  FRAMEWORKS,
  MEDDPICC_LITE,
  parseEvidence,
  type Framework,
  type QualificationVerdict,
  type SqlDefinition,
} from "handoff-kit/qualification";
import { renderTable } from "./table.js";

const signOffs = [
  { role: "sdr_leader" as const, name: "Marcus Bennett", at: "2026-08-03T15:00:00Z" },
  { role: "ae_leader" as const, name: "Priya Shah", at: "2026-08-04T15:00:00Z" },
];

/** The sample team's ideal customer: 50 to 5,000 employees in its industries, on a mainstream CRM. */
export const SAMPLE_ICP = defineIcp({
  id: "sample-icp",
  rules: [
    { kind: "employees", min: 50, max: 5_000, weight: 3 },
    {
      kind: "industry",
      include: ["software", "logistics", "fintech", "healthcare", "manufacturing", "retail"],
      weight: 2,
    },
    { kind: "uses", any: ["Salesforce", "HubSpot", "Pipedrive"], weight: 1 },
  ],
});

/** The SMB and mid-market bar: BANT with a fit threshold, signed off by both leaders. */
export const BANT_BAR = defineSqlDefinition({
  id: "smb-mid-sql",
  version: 3,
  framework: BANT,
  requirements: { budget: "noted", authority: "noted", need: "validated", timing: "noted" },
  icp: { profile: SAMPLE_ICP, minScore: 60 },
  signOffs,
});

/** The enterprise bar: the SDR's MEDDPICC subset, signed off by both leaders. */
export const MEDDPICC_LITE_BAR = defineSqlDefinition({
  id: "enterprise-sql",
  version: 2,
  framework: MEDDPICC_LITE,
  requirements: { economicBuyer: "validated", identifyPain: "validated", metrics: "noted", champion: "noted" },
  signOffs,
});

type Bar = typeof BANT_BAR | typeof MEDDPICC_LITE_BAR;

/** A lead's verdict against a bar, crosswalking its evidence into the bar's framework when needed. */
export function verdictFor<F extends Framework>(
  handoff: Handoff,
  bar: SqlDefinition<F>,
  asOf: Date,
): QualificationVerdict | undefined {
  const record = handoff.qualification;
  const framework =
    record === undefined ? undefined : (FRAMEWORKS as Record<string, Framework | undefined>)[record.framework];
  if (framework === undefined) return undefined;
  const parsed = parseEvidence(record, framework);
  if (!parsed.ok) return undefined;
  const { evidence } = crosswalk(parsed.value, framework, bar.framework);
  return evaluateQualification(evidence, bar, { now: asOf, subject: icpSubjectOf(handoff) });
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;

/** The demo's qualification section. */
export function qualificationSection(handoffs: readonly Handoff[], asOf: Date): string[] {
  const out: string[] = [];
  const bars: [string, Bar, (handoff: Handoff) => boolean][] = [
    ["BANT bar (SMB, mid-market)", BANT_BAR, (handoff) => handoff.segment !== "enterprise"],
    ["MEDDPICC-lite bar (enterprise)", MEDDPICC_LITE_BAR, (handoff) => handoff.segment === "enterprise"],
  ];
  const verdicts = bars.map(([, bar]) =>
    handoffs.map((handoff) =>
      bar === BANT_BAR ? verdictFor(handoff, BANT_BAR, asOf) : verdictFor(handoff, MEDDPICC_LITE_BAR, asOf),
    ),
  );

  out.push(
    renderTable(
      ["bar", "leads", "qualified", "not_qualified", "disqualified"],
      bars.map(([name], index) => {
        const all = verdicts[index] ?? [];
        const count = (status: string) => all.filter((verdict) => verdict?.status === status).length;
        return [
          name,
          all.filter((verdict) => verdict !== undefined).length,
          count("qualified"),
          count("not_qualified"),
          count("disqualified"),
        ];
      }),
    ),
  );

  out.push("", "Why leads fall short of the bar for their own segment (findings by criterion)");
  const reasons = new Map<string, number>();
  bars.forEach(([name, , own], index) => {
    handoffs.forEach((handoff, i) => {
      if (!own(handoff)) return;
      for (const finding of verdicts[index]?.[i]?.findings ?? []) {
        const key = `${name.split(" ")[0] ?? ""} | ${finding.criterion} | ${finding.code}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      }
    });
  });
  out.push(renderTable(["bar | criterion | finding", "leads"], [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10)));

  out.push("", "Does the bar predict the AE's decision? (own-segment bar; accepted / decided)");
  const rows: (string | number)[][] = [];
  bars.forEach(([name, , own], index) => {
    for (const status of ["qualified", "not_qualified"] as const) {
      const group = handoffs.filter((handoff, i) => own(handoff) && verdicts[index]?.[i]?.status === status);
      const accepted = group.filter((handoff) => handoff.events.some((event) => event.type === "accepted")).length;
      const rejected = group.filter(
        (handoff) =>
          handoff.events.some((event) => event.type === "rejected") &&
          !handoff.events.some((event) => event.type === "accepted"),
      ).length;
      rows.push([name, status, group.length, percent(accepted, accepted + rejected)]);
    }
  });
  out.push(renderTable(["bar", "verdict", "leads", "AE acceptance"], rows));
  return out;
}
