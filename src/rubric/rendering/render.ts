import { requireObject } from "../../core/guards.js";
import { assertTimeZone } from "../../core/time-zone.js";
import { formatInstant } from "../../core/format.js";
import type { Handoff } from "../../handoff/index.js";
import { checkCompleteness } from "../scoring/score.js";
import { hasText, recordText, singleLine, stripTrailing } from "../../core/text.js";
import { lowerFirstWord } from "./lower-first-word.js";
import { requireHandoff, requireWrittenParts } from "../../handoff/internal.js";

/** How a brief's budget allocation reads; unknown is left out. */
function allocationText(allocated: unknown): string | undefined {
  if (allocated === "yes") return "allocated";
  return allocated === "no" ? "not allocated" : undefined;
}

/**
 * How to render: Markdown or plain text, and the reader's time zone for the meeting's time.
 *
 * @example
 * ```ts
 * import type { RenderBriefOptions } from "handoff-kit/rubric";
 * const forTheAe: RenderBriefOptions = { format: "markdown", timeZone: "Europe/London" };
 * ```
 * @category Rendering
 */
export interface RenderBriefOptions {
  readonly format?: "markdown" | "text";
  /** The reader's IANA zone; the AE's own zone, then UTC, by default. */
  readonly timeZone?: string;
}

/** Where a renderer's time zone came from, for its misuse error: the options, or the AE's record. */
const zoneName = (fn: string, options: { readonly timeZone?: string | undefined }): string =>
  `${fn}: ${options.timeZone === undefined ? "handoff.ae.timeZone" : "options.timeZone"}`;

const SENTENCE_ENDS = ".!?";
const CLOSING_QUOTES = '"”»';
/** Ends a sentence once: no period after text that already ends one (or ends in a closing quote). */
const sentence = (text: string): string => {
  let end = text.length;
  if (end > 0 && CLOSING_QUOTES.includes(text.charAt(end - 1))) end -= 1;
  return end > 0 && SENTENCE_ENDS.includes(text.charAt(end - 1)) ? text : `${text}.`;
};
/** A clause inside a sentence: without the trailing full stops and exclamation marks it may carry. */
const clause = (text: string): string => stripTrailing(text, ".!");

const list = (items: readonly string[] | undefined): string | undefined =>
  items === undefined || items.length === 0 ? undefined : items.join(", ");

/**
 * Renders the AE's one-screen brief: who, when, why now, the problem in the prospect's words, their
 * quotes, fit, stack, budget, people, objections, the agreed next step and what is missing. Plain
 * strings, no locale assumptions; the meeting is shown in the reader's zone. Every field stays on its
 * line: line breaks and control characters in record text become a space. In Markdown, text from
 * the record is escaped so it cannot turn into links (GitHub's bare-URL, `www.` and e-mail autolinks
 * included), images, HTML, headings or tables.
 *
 * @example
 * ```ts
 * import { renderBrief } from "handoff-kit/rubric";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * console.log(renderBrief(handoff, { format: "markdown", timeZone: "America/New_York" }));
 * ```
 * @category Rendering
 */
export function renderBrief(handoff: Handoff, options: RenderBriefOptions = {}): string {
  requireHandoff(handoff, "renderBrief");
  requireWrittenParts(handoff, "renderBrief");
  requireObject(options, "renderBrief", "options");
  const markdown = (options.format ?? "markdown") === "markdown";
  const zone = options.timeZone ?? handoff.ae.timeZone ?? "UTC";
  assertTimeZone(zone, zoneName("renderBrief", options));
  const t = recordText(markdown);
  const { brief, prospect, account, meeting } = handoff;
  const lines: string[] = [];
  const title =
    `Handoff brief: ${prospect.name}${prospect.title === undefined ? "" : `, ${prospect.title}`}` + `, ${account.name}`;
  lines.push(markdown ? `## ${t(title)}` : t(title), "");
  const field = (label: string, value: string | undefined): void => {
    if (hasText(value)) lines.push(markdown ? `- **${label}:** ${t(value)}` : `${label}: ${t(value)}`);
  };
  const style = meeting?.style === "warm" ? "warm handoff" : "cold handoff";
  field(
    "Meeting",
    meeting === undefined
      ? undefined
      : `${formatInstant(meeting.start, zone)} (${zone}), ${style}, ` +
          `with ${handoff.ae.name}; booked by ${handoff.sdr.name}`,
  );
  field(
    "Account",
    [
      account.industry,
      account.employees === undefined ? undefined : `${String(account.employees)} employees`,
      account.region,
    ]
      .filter((part) => part !== undefined)
      .join(", ") || undefined,
  );
  field(
    "Contact",
    [
      prospect.title,
      prospect.role === "unknown" ? undefined : prospect.role.replace(/_/gu, " "),
      prospect.influence === undefined ? undefined : `${prospect.influence} influence`,
    ]
      .filter((part) => part !== undefined)
      .join(", ") || undefined,
  );
  field(
    "Why now",
    brief.trigger === undefined
      ? undefined
      : [brief.trigger.description ?? brief.trigger.kind.replace(/_/gu, " "), brief.trigger.timing]
          .filter((part) => part !== undefined)
          .join("; "),
  );
  field("Problem, in their words", brief.discovery?.problem);
  field("What prompted the call", brief.discovery?.prompt);
  for (const quote of brief.quotes ?? []) lines.push(markdown ? `> “${t(quote)}”` : `  "${t(quote)}"`);
  const verified = brief.icpFit?.verified === true ? " (verified)" : " (not verified)";
  field("ICP signal", brief.icpFit?.signal === undefined ? undefined : `${brief.icpFit.signal}${verified}`);
  field(
    "Tech stack",
    [
      list(brief.techStack?.inUse),
      list(brief.techStack?.unhappyWith) === undefined
        ? undefined
        : `unhappy with ${list(brief.techStack?.unhappyWith) ?? ""}`,
      list(brief.techStack?.evaluating) === undefined
        ? undefined
        : `evaluating ${list(brief.techStack?.evaluating) ?? ""}`,
    ]
      .filter((part) => part !== undefined)
      .join("; ") || undefined,
  );
  field(
    "Budget",
    [
      brief.budget?.controller === undefined ? undefined : `controlled by ${brief.budget.controller}`,
      allocationText(brief.budget?.allocated),
      brief.budget?.buyingProcess,
    ]
      .filter((part) => part !== undefined)
      .join("; ") || undefined,
  );
  field(
    "Stakeholders",
    list(
      brief.stakeholders?.map((person) => `${person.name}${person.title === undefined ? "" : ` (${person.title})`}`),
    ),
  );
  field("Objections", list(brief.objections));
  field("Competitors", list(brief.competitors));
  field("Red flags", list(brief.redFlags));
  field("Next step, in their words", brief.nextStep?.inProspectWords);
  field("Promised", brief.nextStep?.promised);
  field("Prepare", brief.nextStep?.aePreparation);
  field("Notes", brief.notes);
  const { missing } = checkCompleteness(brief);
  if (missing.length > 0) field("Missing", missing.map((requirement) => requirement.label).join("; "));
  return lines.join("\n");
}

/**
 * Options of {@link renderIntroEmail}.
 *
 * @example
 * ```ts
 * import type { RenderIntroEmailOptions } from "handoff-kit/rubric";
 * const options: RenderIntroEmailOptions = { timeZone: "America/Chicago" };
 * ```
 * @category Rendering
 */
export interface RenderIntroEmailOptions {
  /** The prospect's IANA zone for the meeting's time; the AE's own zone, then UTC, by default. */
  readonly timeZone?: string;
}

/**
 * The warm intro email from the SDR (the structure the high-conversion handoff article gives; see
 * docs/sources.md): a subject naming the AE, the prospect and the company; the meeting time; the
 * prospect's pain and timeline restated; one key insight for the AE; the AE in copy. Clauses whose
 * facts are missing are left out rather than filled with blanks. Record text stays on its line: line
 * breaks and control characters become a space, so the subject is always one header line.
 *
 * @example
 * ```ts
 * import { renderIntroEmail } from "handoff-kit/rubric";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * const { subject, body, cc } = renderIntroEmail(handoff, { timeZone: "America/Chicago" });
 * ```
 * @category Rendering
 */
export function renderIntroEmail(
  handoff: Handoff,
  options: RenderIntroEmailOptions = {},
): { readonly subject: string; readonly body: string; readonly to?: string; readonly cc: readonly string[] } {
  requireHandoff(handoff, "renderIntroEmail");
  requireWrittenParts(handoff, "renderIntroEmail");
  requireObject(options, "renderIntroEmail", "options");
  // The prospect's zone is not recorded; the caller passes it when known, else the AE's is used.
  const zone = options.timeZone ?? handoff.ae.timeZone ?? "UTC";
  assertTimeZone(zone, zoneName("renderIntroEmail", options));
  const { prospect, ae, sdr, account, brief, meeting } = handoff;
  // Record text is one line wherever it lands: in the subject a line break would start a new mail
  // header (header injection); in the body it would break the sentence it sits in.
  const one = (text: string | undefined): string | undefined => (text === undefined ? undefined : singleLine(text));
  const aeName = singleLine(ae.name);
  const first = (name: string): string => singleLine(name).trim().split(/\s+/u)[0] ?? name;
  const when =
    meeting === undefined
      ? "our next conversation"
      : `our conversation on ${formatInstant(meeting.start, zone)} (${zone})`;
  const pain = one(brief.discovery?.problem);
  const timing = one(brief.trigger?.timing);
  const hope = one(brief.nextStep?.inProspectWords ?? brief.nextStep?.promised);
  const insight = one(
    brief.quotes?.[0] === undefined
      ? (brief.icpFit?.signal ?? brief.trigger?.description)
      : `they told me “${brief.quotes[0]}”`,
  );
  // The problem is restated mid-sentence, so an ordinary first word loses its capital; acronyms and
  // the names this record knows keep theirs (see lowerFirstWord).
  const names = [
    prospect.name,
    ae.name,
    sdr.name,
    account.name,
    brief.budget?.controller,
    ...(brief.stakeholders ?? []).map((person) => person.name),
    ...(brief.techStack?.inUse ?? []),
    ...(brief.techStack?.unhappyWith ?? []),
    ...(brief.techStack?.evaluating ?? []),
    ...(brief.competitors ?? []),
  ];
  const recap = [
    pain === undefined ? undefined : `the problem you described (${clause(lowerFirstWord(pain, names))})`,
    timing === undefined ? undefined : `your timeline (${clause(timing)})`,
    hope === undefined ? undefined : `what you want from the call: ${clause(hope)}`,
  ].filter((part): part is string => part !== undefined);
  const paragraphs = [
    `Hi ${first(prospect.name)},`,
    `I'd like to introduce ${aeName}, who will lead ${when}.` +
      (recap.length === 0 ? "" : ` I've shared everything we discussed with ${first(ae.name)}: ${recap.join("; ")}.`),
    ...(insight === undefined ? [] : [sentence(`${first(ae.name)}, one thing to know going in: ${insight}`)]),
    `Best,\n${singleLine(sdr.name)}`,
  ];
  return {
    // Every line break and control character folded to a space: the subject is one header line.
    subject: singleLine(`Introduction: ${ae.name} and ${prospect.name}, ${account.name}`),
    body: paragraphs.join("\n\n"),
    ...(prospect.email === undefined ? {} : { to: prospect.email }),
    cc: ae.email === undefined ? [] : [ae.email],
  };
}
