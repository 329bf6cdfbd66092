import { describe, expect, it } from "vitest";
import { handoffSchema, type Brief, type Handoff } from "../../src/handoff/index.js";
import { renderBrief, renderIntroEmail } from "../../src/rubric/index.js";
import { handoffInput } from "../fixtures/handoff.js";

// Whole documents, written out line by line from the fixture's fields and the renderers' documented
// layout: a label per field, in a fixed order, a field left out when it is empty.
const good: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const parsedSparse: Handoff = handoffSchema.parse({
  ...handoffInput(),
  events: [],
  meeting: undefined,
  prospect: { name: "Sam Lee" },
  account: { name: "Beta Co" },
  brief: {
    trigger: { kind: "tool_migration" },
    icpFit: { signal: "Moving off HubSpot" },
    techStack: { evaluating: ["Clari", "Gong"] },
    budget: { allocated: "no" },
    stakeholders: [{ name: "Lee Park" }],
    redFlags: ["No budget owner"],
  },
});
// Blank notes cannot pass the schema, but a handoff built in code can carry them: they render as none.
const sparse: Handoff = { ...parsedSparse, brief: { ...parsedSparse.brief, notes: "   " } };
const withBrief = (brief: Brief): Handoff => ({ ...good, brief });

describe("renderBrief: every field of a complete brief", () => {
  it("in Markdown, in the AE's zone (London, GMT in November)", () => {
    expect(renderBrief(good).split("\n")).toEqual([
      "## Handoff brief: Dana Ruiz, VP Revenue Operations, Acme Logistics",
      "",
      "- **Meeting:** 2026-11-05 15:00 (Europe/London), warm handoff, with Omar Haddad; booked by Ana Souza",
      "- **Account:** logistics, 420 employees, NA",
      "- **Contact:** VP Revenue Operations, champion, high influence",
      "- **Why now:** New CRO in October; Before the Q1 board meeting",
      "- **Problem, in their words:** Board reporting is manual",
      "- **What prompted the call:** Downloaded the reporting guide",
      "> “We rebuild the same board deck by hand every month.”",
      "- **ICP signal:** Hiring two RevOps analysts (verified)",
      "- **Tech stack:** Salesforce; unhappy with spreadsheets; evaluating Clari",
      "- **Budget:** controlled by Dana Ruiz; allocated; Procurement above $25k",
      "- **Stakeholders:** Lee Park (CFO)",
      "- **Objections:** Needs a security review",
      "- **Competitors:** Clari",
      "- **Next step, in their words:** Show me how the board pack builds itself",
      "- **Promised:** Tailored demo",
      "- **Prepare:** Their Q3 board deck",
      "- **Notes:** Dana's team spends three days a month on the board pack. She owns the tooling budget.",
    ]);
  });

  it("as plain text, in the zone asked for (New York, EST after 1 November)", () => {
    expect(renderBrief(good, { format: "text", timeZone: "America/New_York" }).split("\n")).toEqual([
      "Handoff brief: Dana Ruiz, VP Revenue Operations, Acme Logistics",
      "",
      "Meeting: 2026-11-05 10:00 (America/New_York), warm handoff, with Omar Haddad; booked by Ana Souza",
      "Account: logistics, 420 employees, NA",
      "Contact: VP Revenue Operations, champion, high influence",
      "Why now: New CRO in October; Before the Q1 board meeting",
      "Problem, in their words: Board reporting is manual",
      "What prompted the call: Downloaded the reporting guide",
      '  "We rebuild the same board deck by hand every month."',
      "ICP signal: Hiring two RevOps analysts (verified)",
      "Tech stack: Salesforce; unhappy with spreadsheets; evaluating Clari",
      "Budget: controlled by Dana Ruiz; allocated; Procurement above $25k",
      "Stakeholders: Lee Park (CFO)",
      "Objections: Needs a security review",
      "Competitors: Clari",
      "Next step, in their words: Show me how the board pack builds itself",
      "Promised: Tailored demo",
      "Prepare: Their Q3 board deck",
      "Notes: Dana's team spends three days a month on the board pack. She owns the tooling budget.",
    ]);
  });
});

describe("renderBrief: a sparse brief leaves out what is empty and lists what is missing", () => {
  it("no meeting, account details, contact details, timing, stack in use or notes", () => {
    expect(renderBrief(sparse).split("\n")).toEqual([
      "## Handoff brief: Sam Lee, Beta Co",
      "",
      "- **Why now:** tool migration",
      "- **ICP signal:** Moving off HubSpot (not verified)",
      "- **Tech stack:** evaluating Clari, Gong",
      "- **Budget:** not allocated",
      "- **Stakeholders:** Lee Park",
      "- **Red flags:** No budget owner",
      "- **Missing:** notes of the actual conversation; the prospect's role; what prompted the conversation; " +
        "the problem in the prospect's words; a sense of timing; the tools in use",
    ]);
  });

  it("each part of a composite field stands alone", () => {
    const lines = (handoff: Handoff): string[] => renderBrief(handoff, { format: "text", timeZone: "UTC" }).split("\n");
    const cold = {
      ...good,
      meeting: { ...good.meeting!, style: "cold" as const },
      account: { name: "Acme Logistics", employees: 12 },
      prospect: { name: "Dana Ruiz", role: "economic_buyer" as const, influence: "low" as const },
    };
    expect(lines(cold).slice(0, 5)).toEqual([
      "Handoff brief: Dana Ruiz, Acme Logistics",
      "",
      "Meeting: 2026-11-05 15:00 (UTC), cold handoff, with Omar Haddad; booked by Ana Souza",
      "Account: 12 employees",
      "Contact: economic buyer, low influence",
    ]);
    expect(
      lines({
        ...good,
        account: { name: "Acme", region: "EMEA" },
        prospect: { name: "Dana", role: "unknown", influence: "medium" },
      }).slice(3, 5),
    ).toEqual(["Account: EMEA", "Contact: medium influence"]);
    const brief: Brief = {
      ...good.brief,
      trigger: { kind: "compliance_deadline", timing: "By 30 June" },
      techStack: { unhappyWith: ["Excel", "Sheets"] },
      budget: { controller: "Lee Park", allocated: "unknown" },
      stakeholders: [
        { name: "Lee Park", role: "economic_buyer" },
        { name: "Kim Cho", title: "CTO", role: "unknown" },
      ],
      objections: [],
      competitors: ["Clari", "Gong"],
      nextStep: { promised: "A tailored demo" },
    };
    const text = lines(withBrief(brief));
    expect(text).toContain("Why now: compliance deadline; By 30 June");
    expect(text).toContain("Tech stack: unhappy with Excel, Sheets");
    expect(text).toContain("Budget: controlled by Lee Park");
    expect(text).toContain("Stakeholders: Lee Park, Kim Cho (CTO)");
    expect(text).toContain("Competitors: Clari, Gong");
    expect(text).toContain("Promised: A tailored demo");
    expect(text.filter((line) => /^(Objections|Next step, in their words|Prepare):/u.test(line))).toEqual([]);
    expect(text.at(-1)).toBe("Missing: the tools in use");
    expect(lines(withBrief({ ...brief, budget: { buyingProcess: "Procurement above $25k" } }))).toContain(
      "Budget: Procurement above $25k",
    );
  });

  it("names misuse", () => {
    expect(() => renderBrief(good, null as unknown as { format?: "text" })).toThrow(
      "(renderBrief: options must be an object: null)",
    );
    expect(() => renderBrief(null as unknown as Handoff)).toThrow(
      "(renderBrief expects a parsed handoff (parseHandoff): the handoff is null)",
    );
    expect(() => renderBrief(good, { timeZone: "Mars/Base" })).toThrow(
      "invalid_time_zone: Unknown IANA time zone (renderBrief: options.timeZone: Mars/Base)",
    );
    const noZone = { ...good, ae: { ...good.ae, timeZone: undefined } };
    expect(renderBrief(noZone).split("\n")[2]).toBe(
      "- **Meeting:** 2026-11-05 15:00 (UTC), warm handoff, with Omar Haddad; booked by Ana Souza",
    );
  });
});

describe("renderIntroEmail", () => {
  it("introduces the AE with the recap and one thing to know (the first quote)", () => {
    expect(renderIntroEmail(good)).toEqual({
      subject: "Introduction: Omar Haddad and Dana Ruiz, Acme Logistics",
      body: [
        "Hi Dana,",
        "I'd like to introduce Omar Haddad, who will lead our conversation on 2026-11-05 15:00 (Europe/London). " +
          "I've shared everything we discussed with Omar: " +
          "the problem you described (board reporting is manual); your timeline (Before the Q1 board meeting); " +
          "what you want from the call: Show me how the board pack builds itself.",
        "Omar, one thing to know going in: they told me “We rebuild the same board deck by hand every month.”",
        "Best,\nAna Souza",
      ].join("\n\n"),
      to: "dana@acme.example",
      cc: [],
    });
  });

  it("with nothing to recap and nothing to know: no meeting, no address, the AE copied", () => {
    const bare = {
      ...good,
      meeting: undefined,
      brief: {},
      prospect: { name: "  Sam   Lee", role: "unknown" as const },
      ae: { ...good.ae, email: "omar@seller.example" },
    };
    expect(renderIntroEmail(bare)).toEqual({
      subject: "Introduction: Omar Haddad and   Sam   Lee, Acme Logistics",
      body: "Hi Sam,\n\nI'd like to introduce Omar Haddad, who will lead our next conversation.\n\nBest,\nAna Souza",
      cc: ["omar@seller.example"],
    });
    expect(
      renderIntroEmail({ ...bare, ae: { ...bare.ae, timeZone: undefined }, meeting: good.meeting }).body,
    ).toContain("our conversation on 2026-11-05 15:00 (UTC).");
  });

  it("takes the insight from the quote, else the ICP signal, else the trigger, and ends it as a sentence", () => {
    const insight = (brief: Brief): string | undefined => renderIntroEmail(withBrief(brief)).body.split("\n\n")[2];
    expect(insight({ quotes: ["it is slow"] })).toBe(
      "Omar, one thing to know going in: " + "they told me “it is slow”.",
    );
    expect(
      insight({
        icpFit: { signal: "Hiring two RevOps analysts" },
        trigger: { kind: "funding", description: "Series B" },
      }),
    ).toBe("Omar, one thing to know going in: Hiring two RevOps analysts.");
    expect(insight({ trigger: { kind: "new_hire", description: "New CRO in October!" } })).toBe(
      "Omar, one thing to know going in: New CRO in October!",
    );
    expect(insight({ trigger: { kind: "new_hire" } })).toBe("Best,\nAna Souza");
  });

  it("recaps each part alone, the promise standing in for the prospect's words", () => {
    const recap = (brief: Brief): string | undefined =>
      renderIntroEmail({ ...withBrief(brief), meeting: undefined }).body.split("\n\n")[1];
    const intro =
      "I'd like to introduce Omar Haddad, who will lead our next conversation. " +
      "I've shared everything we discussed with Omar: ";
    expect(recap({ nextStep: { promised: "A tailored demo." } })).toBe(
      `${intro}what you want from the call: A tailored demo.`,
    );
    expect(recap({ nextStep: { inProspectWords: "Show me the pack!", promised: "A demo" } })).toBe(
      `${intro}what you want from the call: Show me the pack.`,
    );
    expect(recap({ trigger: { kind: "funding", timing: "Q1." } })).toBe(`${intro}your timeline (Q1).`);
    expect(recap({ discovery: { problem: "Reports break!" } })).toBe(
      `${intro}the problem you described (reports break).`,
    );
  });

  it("keeps the capital of a name the record knows, wherever it is known from", () => {
    const problem = (brief: Brief): string =>
      /described \((.*)\)/u.exec(renderIntroEmail(withBrief(brief)).body)?.[1] ?? "";
    expect(problem({ discovery: { problem: "Here the reports break" } })).toBe("here the reports break");
    expect(
      problem({
        discovery: { problem: "Lee's team rebuilds it" },
        stakeholders: [{ name: "Lee Park", role: "unknown" }],
      }),
    ).toBe("Lee's team rebuilds it");
    expect(problem({ discovery: { problem: "Sheets break" }, techStack: { inUse: ["Sheets"] } })).toBe("Sheets break");
    expect(problem({ discovery: { problem: "Sheets break" }, techStack: { unhappyWith: ["Sheets"] } })).toBe(
      "Sheets break",
    );
    expect(problem({ discovery: { problem: "Gong is slow" }, techStack: { evaluating: ["Gong"] } })).toBe(
      "Gong is slow",
    );
    expect(problem({ discovery: { problem: "Gong is slow" }, competitors: ["Gong"] })).toBe("Gong is slow");
    expect(problem({ discovery: { problem: "Dana owns it" }, budget: { controller: "Dana Ruiz" } })).toBe(
      "Dana owns it",
    );
    expect(problem({ discovery: { problem: "Gong is slow" } })).toBe("gong is slow");
  });

  it("names misuse", () => {
    expect(() => renderIntroEmail(good, 3 as unknown as { timeZone?: string })).toThrow(
      "(renderIntroEmail: options must be an object: 3)",
    );
    expect(() => renderIntroEmail({} as Handoff)).toThrow(
      "(renderIntroEmail expects a parsed handoff (parseHandoff): id is undefined)",
    );
    expect(() => renderIntroEmail(good, { timeZone: "nope" })).toThrow(
      "invalid_time_zone: Unknown IANA time zone (renderIntroEmail: options.timeZone: nope)",
    );
  });
});
