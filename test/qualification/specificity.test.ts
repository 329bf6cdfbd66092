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

  it("reads a capitalised word as a name only inside a sentence, and only when it starts capitalised", () => {
    // "Liked" opens a sentence, after a full stop as after the start; "Dana" is inside one.
    expect(specificityOf("Liked the demo").names).toBe(false);
    expect(specificityOf("call went well. Liked the demo! Asked for pricing").names).toBe(false);
    expect(specificityOf("call went well; liked the demo with Dana").names).toBe(true);
    // A capital inside a word (iPhone, eBay) does not make it a capitalised word.
    expect(specificityOf("they sell on eBay and iPhone").names).toBe(false);
  });

  it("reads 'lead' as a role only after a title word", () => {
    expect(specificityOf("the lead liked the demo").roles).toBe(false);
    expect(specificityOf("talked to the tech lead").roles).toBe(true);
  });

  it("finds a vague phrase only as whole words, at either end of the note", () => {
    expect(specificityOf("an impossibly tight timeline").vaguePhrases).toEqual([]);
    expect(specificityOf("tbdx").vaguePhrases).toEqual([]);
    expect(specificityOf("maybe").vaguePhrases).toEqual(["maybe"]);
    expect(specificityOf("budget tbd").vaguePhrases).toEqual(["tbd"]);
  });

  it("names itself when given something that is not text", () => {
    expect(() => specificityOf(3 as never)).toThrow("(specificityOf: note must be a string: 3)");
    expect(() => specificityOf("", 3 as never)).toThrow("(specificityOf: quote must be a string: 3)");
    expect(() => isSpecific(null as never)).toThrow("(isSpecific: note must be a string: null)");
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
