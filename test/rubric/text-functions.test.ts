// The rubric's text functions at their edges, each expected value worked out from the rule in the
// function's documentation: which characters end a line, which are white space, what a phrase covers.
import { describe, expect, it } from "vitest";
import { detectGenericNotes, findQuotes } from "../../src/rubric/index.js";
import { singleLine, stripTrailing } from "../../src/rubric/text.js";

describe("detectGenericNotes", () => {
  it("says how many words a short note has", () => {
    expect(detectGenericNotes("Interested.")).toEqual({ generic: true, phrases: ["interested"], words: 1, tooShort: true, reason: "1 word cannot carry the conversation" });
    // A phrase that ends the note is found (the last position a two-word phrase can start at is 0).
    expect(detectGenericNotes("wants demo")).toEqual({ generic: true, phrases: ["wants demo"], words: 2, tooShort: true, reason: "2 words cannot carry the conversation" });
  });

  it("six words are enough to carry context", () => {
    expect(detectGenericNotes("They keep building board reports manually")).toEqual({ generic: false, phrases: [], words: 6, tooShort: false, reason: "The note carries context" });
  });

  it("names the stock phrases, in the list's order, when nothing specific stands beside them", () => {
    // Eight words, seven of them inside a phrase: "interested" also occurs inside "seemed interested".
    expect(detectGenericNotes("Good call, seemed interested, will circle back soon")).toEqual({
      generic: true,
      phrases: ["interested", "seemed interested", "good call", "will circle back"],
      words: 8,
      tooShort: false,
      reason: 'Stock phrases ("interested", "seemed interested", "good call", "will circle back") with nothing specific beside them',
    });
  });
});

describe("findQuotes", () => {
  it("trims what the marks enclose and skips an empty quote", () => {
    expect(findQuotes("“  we rebuild the deck  ” and “ ” and «c’est urgent»")).toEqual(["we rebuild the deck", "c’est urgent"]);
  });
});

describe("singleLine", () => {
  it("turns a run of white space holding any control character into one space", () => {
    // C0 (tab and NUL included), DEL, C1 from U+0080 to U+009F, and the line and paragraph separators.
    for (const control of ["\u0000", "\t", "\n", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f", "\u2028", "\u2029"]) {
      expect(singleLine(`a${control}b`), JSON.stringify(control)).toBe("a b");
    }
  });

  it("takes the white space around a line break into the run, every kind of space included", () => {
    for (const space of [" ", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u202f", "\u205f", "\u3000", "\ufeff"]) {
      expect(singleLine(`a${space}\n${space}b`), JSON.stringify(space)).toBe("a b");
    }
  });

  it("keeps what is neither: the characters just outside each range, and white space with no break", () => {
    for (const kept of ["~", "\u00a1", "\u1fff", "\u200b", "\u2027", "\u202a"]) {
      expect(singleLine(`a${kept}\nb`), JSON.stringify(kept)).toBe(`a${kept} b`);
    }
    expect(singleLine("a \u00a0\u2000 b")).toBe("a \u00a0\u2000 b");
  });
});

describe("stripTrailing", () => {
  it("removes every trailing character of the set, up to the whole text", () => {
    expect(stripTrailing("Not qualified!.", ".!")).toBe("Not qualified");
    expect(stripTrailing("...", ".!")).toBe("");
    expect(stripTrailing("", ".!")).toBe("");
    expect(stripTrailing("a.b", ".!")).toBe("a.b");
  });
});
