import { describe, expect, it } from "vitest";
import { applyEvent, defineLifecycle, handoffSchema, type Brief, type Handoff } from "../../src/handoff/index.js";
import { BANT, defineSqlDefinition } from "../../src/qualification/index.js";
import {
  bookingGate,
  checkCompleteness,
  checkRejectionFeedback,
  DEFAULT_RUBRIC,
  detectGenericNotes,
  findQuotes,
  MEETING_QUALITY_SCALE,
  parseMeetingQuality,
  pickWalkthroughs,
  renderBrief,
  renderIntroEmail,
  sampleForReview,
  scoreBrief,
} from "../../src/rubric/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const good: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const champion = good.prospect;
const weakBrief: Brief = { notes: "Interested, wants demo" };

describe(
  "the handoff-checklist article's good handoff scores strong; " +
    "its bad handoffs score weak, each for the reasons it lists",
  () => {
    it("good: ICP signal, quotes, trigger and timing, stack and budget, every field", () => {
      const result = scoreBrief(good.brief, DEFAULT_RUBRIC, { prospect: champion });
      expect(result.grade).toBe("strong");
      expect(result.score).toBe(100);
      expect(result.findings.every((finding) => finding.points === finding.max && finding.fix === undefined)).toBe(
        true,
      );
    });

    it("bad: generic notes, no trigger, unverified ICP fit, missing fields, a contact with no influence", () => {
      const result = scoreBrief(weakBrief, DEFAULT_RUBRIC, {
        prospect: { name: "Sam Lee", role: "user", influence: "none" },
      });
      expect(result.grade).toBe("weak");
      const reasons = Object.fromEntries(result.findings.map((finding) => [finding.criterion, finding.message]));
      expect(reasons["specific_notes"]).toMatch(/Stock phrases|cannot carry/);
      expect(reasons["trigger_timing"]).toBe("No trigger event");
      expect(reasons["influence"]).toBe("A contact with no influence and no path to a buyer");
      expect(result.score).toBe(0);
      const assumed = scoreBrief(
        { ...good.brief, icpFit: { signal: "Hiring two RevOps analysts", verified: false } },
        DEFAULT_RUBRIC,
        { prospect: champion },
      );
      expect(assumed.findings.find((finding) => finding.criterion === "icp_signal")).toMatchObject({
        points: 10,
        message: "ICP fit is assumed, not verified",
      });
    });

    it("rubrics are data: reweighted, trimmed or extended", () => {
      const onlyQuotes = {
        ...DEFAULT_RUBRIC,
        criteria: DEFAULT_RUBRIC.criteria.filter((criterion) => criterion.id === "quotes"),
      };
      expect(scoreBrief({ quotes: ["It's my budget."] }, onlyQuotes).score).toBe(100);
      expect(() => scoreBrief(good.brief, { ...DEFAULT_RUBRIC, criteria: [] })).toThrow(/invalid_config/);
    });
  },
);

describe("malformed briefs from untyped code", () => {
  it("count wrong-typed fields as missing, never crash", () => {
    const malformed = {
      notes: 42,
      quotes: "not a list",
      trigger: "soon",
      techStack: { inUse: "Salesforce" },
      budget: [],
      icpFit: null,
      stakeholders: {},
    } as unknown as Brief;
    const result = scoreBrief(malformed);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.grade).toBe("weak");
    expect(checkCompleteness(malformed).missing).toHaveLength(9);
  });
});

describe("checkCompleteness", () => {
  it("names each missing or empty field of the required package", () => {
    expect(checkCompleteness(good.brief)).toMatchObject({ complete: true, missing: [] });
    const { missing } = checkCompleteness({
      notes: "Board pack takes 3 days",
      trigger: { kind: "funding" },
      techStack: { inUse: [] },
    });
    expect(missing.map((field) => field.field)).toEqual([
      "discovery.prospectRole",
      "discovery.prompt",
      "discovery.problem",
      "icpFit.signal",
      "trigger.timing",
      "techStack.inUse",
      "budget",
    ]);
  });
});

describe("text heuristics", () => {
  it.each([
    ["Interested, wants demo", true],
    ["Wants to learn more", true],
    ["Good call, send info", true],
    ["ok", true],
    ["Dana runs RevOps for 420 people; the board pack takes her team 3 days a month.", false],
    ["Interested, wants demo. Board pack takes 3 days a month and the CFO wants it automated by March.", false],
    // Eight words, four of them a stock phrase at the start: four words of substance, under six.
    ["wants to learn more about the product line", true],
    // Eight words, one stock word: seven of substance.
    ["interested in how the reporting flow could work", false],
  ])("detectGenericNotes(%j) is generic: %s", (text, generic) => {
    expect(detectGenericNotes(text).generic).toBe(generic);
  });

  it("the text heuristics name themselves when given something that is not text", () => {
    expect(() => detectGenericNotes(3 as never)).toThrow("(detectGenericNotes: text must be a string: 3)");
    expect(() => findQuotes(null as never)).toThrow("(findQuotes: text must be a string: null)");
  });

  it("finds straight, curly, German, guillemet and CJK quotes, across scripts and emoji", () => {
    expect(findQuotes('He said "it is broken" and “we need it by March” 😀')).toEqual([
      "it is broken",
      "we need it by March",
    ]);
    expect(findQuotes("«c’est urgent», „sofort“ and 「今すぐ」, then an unclosed “oops")).toEqual([
      "c’est urgent",
      "sofort",
      "今すぐ",
    ]);
    expect(findQuotes("قال «نحتاجه الآن» اليوم")).toEqual(["نحتاجه الآن"]);
  });

  it("a megabyte of notes is read in one pass", () => {
    const big = "Interested, wants demo. ".repeat(42_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(detectGenericNotes(big).generic).toBe(true);
    // A quote from the prospect makes even a long boilerplate note specific.
    expect(detectGenericNotes(`${big}"We need it by March"`).generic).toBe(false);
    expect(findQuotes(`${big}"We need it by March"`)).toEqual(["We need it by March"]);
  });
});

describe("rejection feedback and meeting quality", () => {
  it("flags feedback that names no reason (the handoff-checklist article's two examples)", () => {
    expect(checkRejectionFeedback("Not qualified")).toMatchObject({ teaches: false });
    expect(checkRejectionFeedback("company has under 20 employees and our minimum is 50")).toMatchObject({
      teaches: true,
    });
    expect(checkRejectionFeedback("Not a good fit for us right now").teaches).toBe(false);
  });

  it("says why feedback teaches nothing, and what to write instead", () => {
    const noReason = "Say what was missing against the bar, with the fact behind it: a number, a role, a date";
    const nameTheFact = "Name the fact: how many employees, which role signs, what date";
    // A stock dismissal, whatever its case, spacing and closing punctuation; the message quotes it trimmed.
    expect(checkRejectionFeedback("  Not qualified.  ")).toEqual({
      teaches: false,
      message: '"Not qualified." names no reason',
      fix: noReason,
    });
    expect(checkRejectionFeedback("NOT INTERESTED!")).toEqual({
      teaches: false,
      message: '"NOT INTERESTED!" names no reason',
      fix: noReason,
    });
    expect(checkRejectionFeedback("   ")).toEqual({ teaches: false, message: '"" names no reason', fix: noReason });
    // Nine words, no boilerplate, but no number, role, person, date or quote to check.
    expect(checkRejectionFeedback("They would rather keep building the reports in house")).toEqual({
      teaches: false,
      message: "No fact the SDR can check or act on",
      fix: nameTheFact,
    });
    // Boilerplate too short to carry context: the generic-note check says why.
    const generic = "interested, wants demo";
    expect(checkRejectionFeedback(generic)).toEqual({
      teaches: false,
      message: detectGenericNotes(generic).message,
      fix: nameTheFact,
    });
    expect(detectGenericNotes(generic).generic).toBe(true);
    expect(checkRejectionFeedback("Under 20 employees; our minimum is 50")).toEqual({
      teaches: true,
      message: "The feedback names a checkable reason",
    });
  });

  it("validates the AE's 1-5 score with a one-line note; documents each score", () => {
    expect(parseMeetingQuality({ score: 5, note: "Pain, budget owner and timeline confirmed" }).ok).toBe(true);
    const bad = parseMeetingQuality({ score: 7, note: "" });
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path.join("."))).toEqual(["score", "note"]);
    expect(parseMeetingQuality({ score: 3, note: "line one\nline two" }).ok).toBe(false);
    expect(Object.keys(MEETING_QUALITY_SCALE)).toEqual(["1", "2", "3", "4", "5"]);
  });
});

describe("rendering", () => {
  it("renders the AE's brief in the reader's zone, escaping what Markdown would misread", () => {
    const tricky: Handoff = {
      ...good,
      brief: { ...good.brief, notes: "See [this](http://evil.example) *now* | # heading <b>" },
    };
    const markdown = renderBrief(tricky, { format: "markdown", timeZone: "America/New_York" });
    expect(markdown).toContain(
      "- **Meeting:** 2026-11-05 10:00 (America/New\\_York), warm handoff, with Omar Haddad; booked by Ana Souza",
    );
    // The scheme's colon is escaped too: GitHub-flavoured Markdown would link a bare URL.
    expect(markdown).toContain("- **Notes:** See \\[this\\](http\\://evil.example) \\*now\\* \\| \\# heading \\<b\\>");
    expect(markdown).not.toMatch(/[^\\]\]\(http/u); // no unescaped "](": no link
    const text = renderBrief(tricky, { format: "text", timeZone: "Asia/Kolkata" });
    expect(text).toContain("Meeting: 2026-11-05 20:30 (Asia/Kolkata)");
    expect(text).toContain("Notes: See [this](http://evil.example) *now* | # heading <b>");
    expect(() => renderBrief(good, { timeZone: "Mars/Olympus" })).toThrow(/invalid_time_zone/);
  });

  it(
    "renders the intro email with the high-conversion handoff article's structure: " +
      "subject, time, pain and timeline, an insight for the AE",
    () => {
      const email = renderIntroEmail(good, { timeZone: "America/New_York" });
      expect(email.subject).toBe("Introduction: Omar Haddad and Dana Ruiz, Acme Logistics");
      expect(email.body).toContain("who will lead our conversation on 2026-11-05 10:00 (America/New_York)");
      expect(email.body).toContain(
        "the problem you described (board reporting is manual); your timeline (Before the Q1 board meeting)",
      );
      expect(email.body).toContain(
        "Omar, one thing to know going in: they told me “We rebuild the same board deck by hand every month.”",
      );
      expect(email.body).not.toMatch(/\.\.|”\./u);
      expect(email).toMatchObject({ to: "dana@acme.example", cc: [] });
    },
  );
});

describe("weekly review", () => {
  const many = Array.from({ length: 40 }, (_, i) => ({
    ...good,
    id: `h-${String(i)}`,
    brief: i % 3 === 0 ? weakBrief : good.brief,
  }));

  it("samples five, reproducibly, whatever the input order", () => {
    const sample = sampleForReview(many, { seed: 7 });
    expect(sample).toHaveLength(5);
    expect(sampleForReview([...many].reverse(), { seed: 7 })).toEqual(sample);
    expect(sampleForReview(many, { seed: 8 })).not.toEqual(sample);
  });

  it("picks one strong and one weak handoff, with why", () => {
    const { strong, weak } = pickWalkthroughs(many);
    expect(strong?.score.grade).toBe("strong");
    expect(weak?.score.grade).toBe("weak");
    expect(strong?.messages.length).toBeGreaterThan(0);
    expect(weak?.messages[0]).toMatch(/fix:/);
    expect(pickWalkthroughs([good]).weak).toBeUndefined();
  });
});

describe("bookingGate combines the qualification verdict and the brief check", () => {
  const bar = defineSqlDefinition({
    id: "smb",
    version: 1,
    framework: BANT,
    requirements: { need: "validated", budget: "validated" },
  });
  const now = new Date("2026-11-02T16:00:00Z");
  const booked = {
    id: "b1",
    type: "booked" as const,
    at: now,
    by: "sdr-ana",
    meeting: { start: new Date("2026-11-05T15:00:00Z"), end: new Date("2026-11-05T15:30:00Z") },
  };

  it("lets a qualified lead with a complete brief through", () => {
    const result = applyEvent(
      good,
      booked,
      defineLifecycle({ gate: "before_meeting", bookingGate: bookingGate(bar, DEFAULT_RUBRIC, { now }) }),
    );
    expect(result.ok).toBe(true);
  });

  it("lists every reason for refusal: the verdict, the missing fields, the grade", () => {
    const thin: Handoff = {
      ...good,
      brief: weakBrief,
      qualification: { framework: "bant", evidence: { need: { state: "noted", note: "Seemed interested" } } },
    };
    const decision = bookingGate(bar, DEFAULT_RUBRIC, { now })(thin);
    expect(decision.ok).toBe(false);
    const reasons = decision.ok ? [] : decision.findings;
    expect(
      reasons.flatMap((reason) =>
        reason.kind === "qualification" ? [`${reason.criterion} ${String(reason.state)}: ${reason.message}`] : [],
      ),
    ).toEqual([
      "budget unknown: Budget: no evidence; the bar requires it validated",
      "need noted: Need: evidence is noted; the bar requires it validated",
    ]);
    expect(reasons.filter((reason) => reason.kind === "brief")).toHaveLength(8);
    expect(reasons.at(-1)).toMatchObject({
      kind: "brief_score",
      grade: "weak",
      needs: "acceptable",
      message: expect.stringMatching(/^The brief scores \d+ \(weak\); the gate needs acceptable$/) as string,
    });
  });
});
