import * as fc from "fast-check";
import { growth, LINEAR_BOUND } from "../fixtures/growth.js";
import { html, tagsOf, visible } from "../fixtures/rendered-html.js";
import { describe, expect, it } from "vitest";
import { handoffSchema, type Handoff } from "../../src/handoff/index.js";
import { checkRejectionFeedback, parseMeetingQuality, renderBrief, renderIntroEmail } from "../../src/rubric/index.js";
import { handoffInput } from "../fixtures/handoff.js";

// Each case here is a defect found in the rendered output: quadratic regular expressions, Markdown
// that GitHub-flavoured renderers still turn into links, record text that forges lines, a mail
// subject that carries line breaks, and "CRM" written as "cRM". The expected values are worked out
// by hand from the docs' promises, not read back from the output.

const good: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const withBrief = (brief: Partial<Handoff["brief"]>): Handoff => ({ ...good, brief: { ...good.brief, ...brief } });

// Hostile texts: a run of white space with no line break in it (what /\s*[\r\n]+\s*/ backtracks on),
// and a run of full stops that does not end the text (what /[.!]+$/ backtracks on).
const spaces = (size: number): string => `a${" ".repeat(size)}b`;
const dots = (size: number): string => `a${".".repeat(size)}b`;
const SMALL = 2_000;

describe("every text path is linear in the text", () => {
  it.each([
    [
      "renderBrief (Markdown), a run of spaces in the notes",
      (text: string) => renderBrief(withBrief({ notes: text }), { format: "markdown" }),
    ],
    [
      "renderBrief (text), a run of spaces in the notes",
      (text: string) => renderBrief(withBrief({ notes: text }), { format: "text" }),
    ],
    [
      "renderBrief (text), a run of spaces in a quote",
      (text: string) => renderBrief(withBrief({ quotes: [text] }), { format: "text" }),
    ],
    [
      "renderIntroEmail, a run of full stops in the problem",
      (text: string) => renderIntroEmail(withBrief({ discovery: { problem: text } })),
    ],
    [
      "renderIntroEmail, a run of full stops in the timing",
      (text: string) => renderIntroEmail(withBrief({ trigger: { kind: "new_hire", timing: text } })),
    ],
    [
      "renderIntroEmail, a run of spaces in the AE's name",
      (text: string) => renderIntroEmail({ ...good, ae: { ...good.ae, name: text } }),
    ],
    ["checkRejectionFeedback, a run of full stops", (text: string) => checkRejectionFeedback(text)],
    ["checkRejectionFeedback, a run of spaces", (text: string) => checkRejectionFeedback(`Not qualified${text}`)],
  ])(
    "%s",
    (label, run) => {
      const make = label.includes("full stops") ? dots : spaces;
      expect(growth(run, make, SMALL)).toBeLessThan(LINEAR_BOUND);
    },
    120_000,
  );
});

/** The tags a brief is built from; anything else came from the record. */
const BRIEF_TAGS = new Set(["h2", "ul", "li", "strong", "blockquote", "p"]);

const HOSTILE = [
  "https://evil.example/x",
  "www.evil.example",
  "someone@evil.example",
  "[x](http://evil)",
  "<http://evil>",
  "![i](http://evil/i.png)",
  '<a href="http://evil">click</a>',
  "<img src=x onerror=alert(1)>",
  "mailto:someone@evil.example",
  "HTTP://EVIL.EXAMPLE",
  "ftp://evil.example",
  "&#60;b&#62; &amp;",
];

// Wherever record text lands in the brief: the title (name, title, account), a field, a quote, a
// list item, a stakeholder.
const everywhere = (text: string): Handoff => ({
  ...good,
  prospect: { ...good.prospect, name: `Dana ${text}`, title: text },
  account: { ...good.account, name: text },
  brief: {
    ...good.brief,
    notes: `See ${text} now`,
    quotes: [text],
    objections: [text, "Price"],
    stakeholders: [{ name: text, title: text, role: "economic_buyer" }],
    nextStep: { inProspectWords: text },
  },
});

describe("Markdown briefs: record text cannot become a link, an image or HTML under GFM", () => {
  it.each(HOSTILE)("%s", (text) => {
    const page = html(renderBrief(everywhere(text), { format: "markdown", timeZone: "UTC" }));
    expect(page).not.toMatch(/<a[\s>]/u);
    expect(page).not.toContain("<img");
    expect(tagsOf(page).filter((tag) => !BRIEF_TAGS.has(tag))).toEqual([]);
    // Readable: the rendered text shows the record's text as it was written.
    expect(visible(page)).toContain(`Notes: See ${text} now`);
    expect(visible(page)).toContain(`“${text}”`);
  });

  it("escapes each autolink trigger with a backslash, which the renderer drops (worked by hand)", () => {
    const markdown = renderBrief(
      withBrief({ notes: "Mail someone@evil.example or see https://evil.example/x and www.evil.example at 10:30" }),
      { format: "markdown" },
    );
    expect(markdown).toContain(
      "- **Notes:** Mail someone\\@evil.example or see https\\://evil.example/x and www\\.evil.example at 10:30",
    );
  });

  it("holds for any text made of Markdown's syntax characters, URLs and addresses", () => {
    // Coarse pieces, so that schemes, hosts and addresses come together often.
    const piece = fc.constantFrom(
      "https://",
      "http:",
      "ftp://",
      "//",
      "www.",
      "WWW.",
      "mailto:",
      "xmpp:",
      "@",
      "a",
      "evil.example",
      ".",
      ":",
      "/",
      "[",
      "]",
      "(",
      ")",
      "<",
      ">",
      "!",
      "\\",
      "&",
      "#64;",
      "*",
      "_",
      "~",
      "`",
      "|",
      " ",
      "\n",
      '"',
      "=",
      "-",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")),
        (text) => {
          const page = html(
            renderBrief(withBrief({ notes: `x ${text} y`, quotes: [`x ${text} y`] }), {
              format: "markdown",
              timeZone: "UTC",
            }),
          );
          expect(page).not.toMatch(/<a[\s>]/u);
          expect(tagsOf(page).filter((tag) => !BRIEF_TAGS.has(tag))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Every line break JavaScript, Unicode or a terminal knows: LF, CR, CRLF, VT, FF, NEL, LS, PS.
const BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029"];
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/u;

describe("single-line fields stay on their line in text and Markdown briefs", () => {
  const lineCount = (format: "text" | "markdown", handoff: Handoff): number =>
    renderBrief(handoff, { format, timeZone: "UTC" }).split(LINE_BREAK).length;
  const forged = (br: string): Handoff => ({
    ...good,
    prospect: { ...good.prospect, name: `Dana${br}Meeting: forged`, title: `VP${br}  ${br}Ops` },
    account: { ...good.account, name: `Acme${br}Logistics` },
    brief: {
      ...good.brief,
      quotes: [`We rebuild the deck${br}Notes: forged`],
      objections: [`Security${br}review`],
      stakeholders: [{ name: `Lee${br}Park`, role: "economic_buyer" }],
      notes: `Three days${br}a month`,
    },
  });

  it.each(BREAKS.map((br) => [JSON.stringify(br), br]))("folds %s to a space", (_, br) => {
    for (const format of ["text", "markdown"] as const) {
      expect(lineCount(format, forged(br))).toBe(lineCount(format, good));
    }
    const text = renderBrief(forged(br), { format: "text", timeZone: "UTC" }).split("\n");
    expect(text[0]).toBe("Handoff brief: Dana Meeting: forged, VP Ops, Acme Logistics");
    expect(text).toContain('  "We rebuild the deck Notes: forged"');
    expect(text).toContain("Objections: Security review");
    expect(text).toContain("Stakeholders: Lee Park");
    expect(text).toContain("Notes: Three days a month");
    const markdown = renderBrief(forged(br), { format: "markdown", timeZone: "UTC" }).split("\n");
    expect(markdown[0]).toBe("## Handoff brief: Dana Meeting: forged, VP Ops, Acme Logistics");
    expect(markdown).toContain("> “We rebuild the deck Notes: forged”");
    expect(markdown).toContain("- **Contact:** VP Ops, champion, high influence");
  });

  it("folds control characters that move a terminal's cursor, and keeps ordinary spaces as they are", () => {
    const text = renderBrief(
      { ...good, account: { ...good.account, name: "Acme\u001b[2A\bLogistics" } },
      { format: "text", timeZone: "UTC" },
    );
    expect(text.split("\n")[0]).toBe("Handoff brief: Dana Ruiz, VP Revenue Operations, Acme [2A Logistics");
    expect(renderBrief(withBrief({ notes: "two  spaces stay" }), { format: "text" })).toContain(
      "Notes: two  spaces stay",
    );
  });
});

describe("the intro email", () => {
  it.each(BREAKS.map((br) => [JSON.stringify(br), br]))(
    "folds %s out of the subject (mail header injection)",
    (_, br) => {
      const email = renderIntroEmail({
        ...good,
        ae: { ...good.ae, name: `Omar Haddad${br}Bcc: everyone@evil.example` },
        prospect: { ...good.prospect, name: `Dana${br}${br}Ruiz` },
        account: { ...good.account, name: `Acme${br}\tLogistics\u0000` },
      });
      expect(email.subject).toBe("Introduction: Omar Haddad Bcc: everyone@evil.example and Dana Ruiz, Acme Logistics ");
      expect(Array.from(email.subject).filter((char) => /\p{Cc}|\p{Zl}|\p{Zp}/u.test(char))).toEqual([]);
    },
  );

  it.each([
    ["CRM data is stale", "CRM data is stale"],
    ["HubSpot sync breaks every week", "HubSpot sync breaks every week"],
    ["Dana's team rebuilds the deck", "Dana's team rebuilds the deck"], // the prospect's own name
    ["Salesforce reports are wrong", "Salesforce reports are wrong"], // a tool in their stack
    ["Board reporting is manual", "board reporting is manual"],
    ["Über-manual reporting", "über-manual reporting"],
    ["A manual board pack", "A manual board pack"], // one letter: not known to be an ordinary word
    ["board pack is manual...", "board pack is manual"],
  ])("restates the problem %j as %j", (problem, restated) => {
    const email = renderIntroEmail(withBrief({ discovery: { problem } }));
    expect(email.body).toContain(`the problem you described (${restated});`);
  });

  it("drops only the trailing full stops and exclamation marks of a clause", () => {
    const email = renderIntroEmail(withBrief({ trigger: { kind: "new_hire", timing: "Before Q1!!.." } }));
    expect(email.body).toContain("your timeline (Before Q1);");
  });
});

describe("rejection feedback and meeting-quality notes", () => {
  it("reads stock dismissals whatever trailing full stops they carry", () => {
    expect(checkRejectionFeedback("Not qualified.!.").teaches).toBe(false);
    expect(checkRejectionFeedback("Bad fit!").teaches).toBe(false);
  });

  it.each(BREAKS.map((br) => [JSON.stringify(br), br]))("a meeting-quality note with %s is not one line", (_, br) => {
    expect(parseMeetingQuality({ score: 3, note: `line one${br}line two` }).ok).toBe(false);
  });
});
