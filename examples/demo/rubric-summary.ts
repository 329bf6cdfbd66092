import type { Handoff } from "handoff-kit/handoff";
import { pickWalkthroughs, renderIntroEmail, sampleForReview, scoreBrief } from "handoff-kit/rubric";
import { renderTable } from "./table.js";

const DAY = 86_400_000;

/** The demo's rubric section: brief scores by SDR, the week's review sample, and the huddle's two walk-throughs. */
export function rubricSection(handoffs: readonly Handoff[], asOf: Date): string[] {
  const out: string[] = [];
  const scores = new Map(
    handoffs.map((handoff) => [handoff.id, scoreBrief(handoff.brief, undefined, { prospect: handoff.prospect })]),
  );
  const bySdr = new Map<string, number[]>();
  for (const handoff of handoffs)
    bySdr.set(handoff.sdr.name, [...(bySdr.get(handoff.sdr.name) ?? []), scores.get(handoff.id)?.score ?? 0]);
  out.push(
    renderTable(
      ["SDR", "briefs", "mean score", "weak"],
      [...bySdr]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, list]) => [
          name,
          list.length,
          Number((list.reduce((a, b) => a + b, 0) / list.length).toFixed(1)),
          list.filter((score) => score < 60).length,
        ]),
    ),
  );

  const week = handoffs.filter((handoff) => {
    const booked = handoff.events.find((event) => event.type === "booked")?.at.getTime() ?? 0;
    return booked > asOf.getTime() - 7 * DAY && booked <= asOf.getTime();
  });
  const sample = sampleForReview(week, { seed: 46 });
  out.push(
    "",
    `This week's review sample (5 of ${String(week.length)} handoffs booked ` +
      `in the 7 days to ${asOf.toISOString().slice(0, 10)}, seed 46)`,
  );
  out.push(
    renderTable(
      ["handoff", "SDR", "score", "grade", "biggest gap"],
      sample.map((handoff) => {
        const score = scores.get(handoff.id);
        const gap = [...(score?.findings ?? [])].sort((a, b) => b.max - b.points - (a.max - a.points))[0];
        return [
          handoff.id,
          handoff.sdr.name,
          (score?.score ?? 0).toFixed(0),
          score?.grade ?? "",
          gap === undefined || gap.points === gap.max ? "none" : gap.message,
        ];
      }),
    ),
  );

  const { strong, weak } = pickWalkthroughs(week);
  for (const [label, walk] of [
    ["Strong", strong],
    ["Weak", weak],
  ] as const) {
    if (walk === undefined) continue;
    out.push(
      "",
      `${label} handoff to walk through: ${walk.handoff.id} ` +
        `(${walk.handoff.sdr.name}, ${walk.handoff.account.name}), ` +
        `score ${walk.score.score.toFixed(0)}`,
    );
    for (const message of walk.messages) out.push(`  - ${message}`);
  }
  if (strong !== undefined) {
    const email = renderIntroEmail(strong.handoff);
    out.push(
      "",
      `The intro email for ${strong.handoff.id}:`,
      `  Subject: ${email.subject}`,
      ...email.body.split("\n").map((line) => `  ${line}`),
    );
  }
  return out;
}
