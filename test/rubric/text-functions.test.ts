// The rubric's text functions at their edges, each expected value worked out from the rule in the
// function's documentation: which characters end a line, which are white space, what a phrase covers.
import { describe, expect, it } from "vitest";
import { detectGenericNotes, findQuotes } from "../../src/rubric/index.js";

describe("detectGenericNotes", () => {
  it("says how many words a short note has", () => {
    expect(detectGenericNotes("Interested.")).toEqual({
      generic: true,
      phrases: ["interested"],
      words: 1,
      tooShort: true,
      message: "1 word cannot carry the conversation",
    });
    // A phrase that ends the note is found (the last position a two-word phrase can start at is 0).
    expect(detectGenericNotes("wants demo")).toEqual({
      generic: true,
      phrases: ["wants demo"],
      words: 2,
      tooShort: true,
      message: "2 words cannot carry the conversation",
    });
  });

  it("six words are enough to carry context", () => {
    expect(detectGenericNotes("They keep building board reports manually")).toEqual({
      generic: false,
      phrases: [],
      words: 6,
      tooShort: false,
      message: "The note carries context",
    });
  });

  it("names the stock phrases, in the list's order, when nothing specific stands beside them", () => {
    // Eight words, seven of them inside a phrase: "interested" also occurs inside "seemed interested".
    expect(detectGenericNotes("Good call, seemed interested, will circle back soon")).toEqual({
      generic: true,
      phrases: ["interested", "seemed interested", "good call", "will circle back"],
      words: 8,
      tooShort: false,
      message:
        'Stock phrases ("interested", "seemed interested", "good call", "will circle back") ' +
        "with nothing specific beside them",
    });
  });
});

describe("findQuotes", () => {
  it("trims what the marks enclose and skips an empty quote", () => {
    expect(findQuotes("“  we rebuild the deck  ” and “ ” and «c’est urgent»")).toEqual([
      "we rebuild the deck",
      "c’est urgent",
    ]);
  });
});
