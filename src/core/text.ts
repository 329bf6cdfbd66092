// Text helpers every module shares: the words of a text, keeping a record's field on its line, and
// escaping it for Markdown. Each is linear in the text: record text is untrusted and may be long.

/**
 * Letters (any script), digits, `$` and `%`: a word, for phrase matching and specificity. One
 * left-to-right pass, nothing to backtrack.
 */
export const WORD = /[\p{L}\p{N}$%]+/gu;

/** The words of a text, as written, in order (see {@link WORD}). */
export const wordsOf = (text: string): string[] => Array.from(text.matchAll(WORD), (match) => match[0]);

/** Whether a value is text with something in it besides white space. */
export const hasText = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;

// Line breaks and the other control characters: C0 (tab included), DEL, C1 (NEL among them), and
// Unicode's line and paragraph separators. A terminal moves its cursor on some of them, so in a
// single-line field each of them could forge a line.
const isControl = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
// The rest of JavaScript's `\s`: the space separators and the byte-order mark.
const isSpace = (code: number): boolean =>
  code === 0x20 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/**
 * Keeps a field on one line: each run of white space that holds a line break (CR, LF, VT, FF, NEL,
 * U+2028, U+2029) or another control character becomes one space; other white space is kept as it
 * is. One pass by hand, so a long run of spaces costs its length (the regular expression this
 * replaces, `\s*[\r\n]+\s*`, backtracked quadratically on one).
 *
 * @internal
 * @example
 * ```ts
 * singleLine("Dana\r\nBcc: x@evil.example"); // "Dana Bcc: x@evil.example"
 * ```
 */
export function singleLine(text: string): string {
  let out = "";
  let copied = 0;
  let i = 0;
  // Stryker disable next-line EqualityOperator: equivalent: at the end charCodeAt is NaN, neither a control nor a space
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isControl(code) && !isSpace(code)) {
      i += 1;
      continue;
    }
    let end = i;
    let control = false;
    // Stryker disable next-line EqualityOperator: equivalent: at the end charCodeAt is NaN, which ends the run
    for (; end < text.length; end += 1) {
      const next = text.charCodeAt(end);
      if (isControl(next)) control = true;
      else if (!isSpace(next)) break;
    }
    if (control) {
      out += `${text.slice(copied, i)} `;
      copied = end;
    }
    i = end;
  }
  // Stryker disable next-line ConditionalExpression: performance only: with nothing copied, out is empty
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The text without the characters of `chars` that end it ("Before Q1!.." less ".!" is "Before Q1").
 * A loop from the end, linear (the regular expression this replaces, `/[.!]+$/`, backtracked
 * quadratically on a run of full stops that did not end the text).
 *
 * @internal
 * @example
 * ```ts
 * stripTrailing("Not qualified!.", ".!"); // "Not qualified"
 * ```
 */
export function stripTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

// Characters Markdown would read as syntax in running text: escaped, so a note cannot become a link,
// a heading, a table cell, emphasis, HTML or an entity. GitHub-flavoured Markdown also links bare
// URLs, `www.` hosts and e-mail addresses with no syntax at all; each is broken at its trigger: the
// `:` before `//`, the `.` after `www` (any case) and every `@` get a backslash too. A backslash before
// ASCII punctuation is CommonMark's own escape: every renderer drops it, so the reader sees the
// record's text exactly as written, only not linked (a zero-width joiner would stop the link as
// well, but it would stay in the text, in searches and in whatever the reader copies). No
// quantifier: one constant-size test at each position, so the pass is linear.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~#&@]|:(?=\/\/)|(?<=www)\./giu;

/**
 * Escapes what Markdown (GitHub-flavoured included) would misread, and keeps the field on its line
 * (see {@link singleLine}). Linear in the text.
 */
export function escapeMarkdown(text: string): string {
  return singleLine(text).replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/**
 * The quotation marks the note checks know, each opener with its closer: straight, curly, German,
 * guillemets and CJK corner brackets. `findQuotes` pairs them; `specificityOf` counts any of them.
 */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  "“": "”",
  "«": "»",
  "„": "“",
  "‹": "›",
  "「": "」",
  "『": "』",
};

/** Any quotation mark of {@link QUOTE_PAIRS}, opening or closing. */
export const QUOTE_MARK = /["“”«»„‹›「」『』]/u;

/** How a renderer writes a record's text: escaped for Markdown, or kept on its line for plain text. */
export function recordText(markdown: boolean): (text: string) => string {
  return markdown ? escapeMarkdown : singleLine;
}
