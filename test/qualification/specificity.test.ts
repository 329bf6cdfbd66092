import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { specificityOf } from "../../src/qualification/index.js";
import { isSpecific } from "../../src/qualification/specificity.js";

describe("specificityOf", () => {
  it.each([
    ["Prospect seemed interested", false],
    ["Open to a chat", false],
    ["Interested, wants demo", false],
    ["CRM is a mess", false],
    ["Company has under 20 employees and our minimum is 50", true],
    ["Project is six months out, after their CRM migration", true],
    ["Already an open opportunity owned by another AE", true],
    ["Dana Ruiz owns it", true],
    ["Talked to Lee about it", true],
    ["Decision by end of Q1", true],
    ["The VP signs", true],
  ])("%j is specific: %s", (text, specific) => {
    expect(specificityOf(text).specific).toBe(specific);
  });

  it("counts the prospect's quote, and names the vague phrases it found", () => {
    expect(specificityOf("", "We rebuild the deck by hand").quote).toBe(true);
    expect(specificityOf("Said “it’s a mess”").quote).toBe(true);
    expect(specificityOf("Seemed interested, maybe next year").vaguePhrases).toEqual(["seemed interested", "maybe"]);
    expect(specificityOf("A mighty fine call").vaguePhrases).toEqual([]);
  });

  it("does not break on emoji, right-to-left text or mixed scripts", () => {
    expect(specificityOf("مهتم جدا 😀").specific).toBe(false);
    expect(specificityOf("العميل Dana Ruiz ٥٠ موظف").numbers).toBe(true);
    expect(specificityOf("見込み客は興味がある").specific).toBe(false);
  });

  it("law: never throws and is linear enough for a megabyte", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        (text) => typeof specificityOf(text).specific === "boolean",
      ),
    );
    const big = "Seemed interested. ".repeat(55_000);
    expect(specificityOf(big).specific).toBe(false);
  });
});

describe("isSpecific", () => {
  it("agrees with specificityOf(...).specific, stopping early", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            "Prospect seemed interested",
            "No budget until April",
            "CFO owns it",
            "“We need it”",
            "maybe later",
            "Dana wants six seats",
            "wants to learn more",
          ),
        ),
        (note) => {
          expect(isSpecific(note)).toBe(specificityOf(note).specific);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
