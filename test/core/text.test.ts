// The shared text helpers at their edges, each expected value worked out from the rule in the
// function's documentation: which characters end a line, which are white space.
import { describe, expect, it } from "vitest";
import { escapeMarkdown, hasText, singleLine, stripTrailing } from "../../src/core/text.js";
import { specificityOf } from "../../src/qualification/index.js";
import { findQuotes } from "../../src/rubric/index.js";

describe("singleLine", () => {
  it("turns a run of white space holding any control character into one space", () => {
    // C0 (tab and NUL included), DEL, C1 from U+0080 to U+009F, and the line and paragraph separators.
    for (const control of [
      "\u0000",
      "\t",
      "\n",
      "\u001f",
      "\u007f",
      "\u0080",
      "\u0085",
      "\u009f",
      "\u2028",
      "\u2029",
    ]) {
      expect(singleLine(`a${control}b`), JSON.stringify(control)).toBe("a b");
    }
  });

  it("takes the white space around a line break into the run, every kind of space included", () => {
    for (const space of [
      " ",
      "\u00a0",
      "\u1680",
      "\u2000",
      "\u2005",
      "\u200a",
      "\u202f",
      "\u205f",
      "\u3000",
      "\ufeff",
    ]) {
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

describe("hasText", () => {
  it("is text with something besides white space", () => {
    expect(hasText("a")).toBe(true);
    expect(hasText(" \t\n")).toBe(false);
    expect(hasText("")).toBe(false);
    expect(hasText(7)).toBe(false);
  });
});

describe("escapeMarkdown", () => {
  it("escapes what Markdown reads as syntax and breaks autolinks at their trigger", () => {
    expect(escapeMarkdown("*a* [b](c) www.x.io https://y a@b")).toBe("\\*a\\* \\[b\\](c) www\\.x.io https\\://y a\\@b");
    expect(escapeMarkdown("line\nnext")).toBe("line next");
  });
});

describe("quotation marks", () => {
  it("are the same for findQuotes and specificityOf: every pair findQuotes reads makes a note quoted", () => {
    const pairs: [string, string][] = [
      ['"', '"'],
      ["“", "”"],
      ["«", "»"],
      ["„", "“"],
      ["‹", "›"],
      ["「", "」"],
      ["『", "』"],
    ];
    for (const [open, close] of pairs) {
      const note = `She said ${open}we rebuild it by hand${close}`;
      expect(findQuotes(note)).toEqual(["we rebuild it by hand"]);
      expect(specificityOf(note).quote).toBe(true);
    }
    expect(specificityOf("She said we rebuild it by hand").quote).toBe(false);
  });
});
