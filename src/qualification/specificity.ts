import { requireOptionalText, requireText } from "../core/guards.js";
import { pure } from "../core/pure.js";
import { hasText, QUOTE_MARK, WORD } from "../core/text.js";

/**
 * What makes a note specific enough to falsify: a number, a date or time frame, a named person or a
 * role, or the prospect's own words (the 2027 handoff-process Q&A, see docs/sources.md: "prospect
 * seemed interested" is not a bar; a named owner, a named problem and "this quarter" are).
 *
 * @example
 * ```ts
 * import type { SpecificitySignals } from "handoff-kit/qualification";
 * const strong = (signals: SpecificitySignals): boolean => signals.specific && signals.vaguePhrases.length === 0;
 * ```
 * @category Evidence
 */
export interface SpecificitySignals {
  readonly numbers: boolean;
  readonly dates: boolean;
  readonly names: boolean;
  readonly roles: boolean;
  readonly quote: boolean;
  /** Phrases that commit to nothing ("seemed interested", "open to a chat"). */
  readonly vaguePhrases: readonly string[];
  /** At least one of numbers, dates, names, roles or a quote. */
  readonly specific: boolean;
}

const TIME_WORDS = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "q1",
  "q2",
  "q3",
  "q4",
  "h1",
  "h2",
  "quarter",
  "month",
  "week",
  "year",
  "fiscal",
  "fy",
  "today",
  "tomorrow",
  "eoy",
  "eoq",
  "deadline",
]);

// Counts written out ("six months out") are as falsifiable as digits.
const NUMBER_WORDS = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "hundred",
  "thousand",
  "million",
  "dozen",
  "half",
]);

const ROLE_WORDS = new Set([
  "ae",
  "sdr",
  "bdr",
  "ceo",
  "cfo",
  "cro",
  "cto",
  "coo",
  "cmo",
  "cio",
  "ciso",
  "vp",
  "svp",
  "evp",
  "director",
  "head",
  "manager",
  "founder",
  "cofounder",
  "owner",
  "president",
  "chief",
  "procurement",
  "controller",
  "chair",
  "partner",
  "principal",
]);

// In a sales note "lead" is the prospect ("Bad lead."), not a job: it names a role only after a
// word that makes it a title ("team lead", "tech lead").
const LEAD_TITLES = new Set([
  "team",
  "tech",
  "technical",
  "project",
  "program",
  "engineering",
  "design",
  "product",
  "security",
  "data",
  "finance",
  "it",
  "ops",
  "revops",
  "devops",
  "qa",
]);

const VAGUE_PHRASES = [
  "seemed interested",
  "seems interested",
  "sounded interested",
  "open to a chat",
  "open to chat",
  "open to a call",
  "wants to learn more",
  "interested, wants demo",
  "wants a demo",
  "might",
  "maybe",
  "possibly",
  "probably",
  "not sure",
  "sounds good",
  "good call",
  "some pain",
  "tbd",
] as const;

// Capitalised by a missing full stop ("Good call Seemed interested"), these words name nobody: the
// words of the stock phrases, and the function words a sentence starts with.
const NOT_NAMES = /* @__PURE__ */ pure(
  () =>
    new Set([
      ...VAGUE_PHRASES.flatMap((phrase) => phrase.split(/[\s,]+/u)),
      "a",
      "an",
      "the",
      "and",
      "but",
      "or",
      "not",
      "no",
      "yes",
      "so",
      "then",
      "also",
      "just",
      "still",
      "very",
      "he",
      "she",
      "they",
      "we",
      "i",
      "it",
      "this",
      "that",
      "there",
      "their",
      "our",
      "my",
      "is",
      "was",
      "are",
      "were",
      "will",
      "would",
      "could",
      "should",
      "can",
      "did",
      "does",
      "good",
      "great",
      "nice",
      "bad",
      "fit",
      "later",
      "call",
      "lead",
      "prospect",
      "interested",
      "wants",
      "said",
    ]),
);

/**
 * Reads a note (and the prospect's quote, if any) for specificity. Linear in the text, Unicode-aware.
 *
 * @example
 * ```ts
 * import { specificityOf } from "handoff-kit/qualification";
 * specificityOf("Prospect seemed interested").specific; // false
 * specificityOf("Dana Ruiz (VP RevOps) owns the $40k budget for Q1").specific; // true
 * ```
 * @category Evidence
 */
export function specificityOf(note: string, quote?: string): SpecificitySignals {
  requireText(note, "specificityOf: note");
  requireOptionalText(quote, "specificityOf: quote");
  const { numbers, dates, names, roles } = wordSignals(note, false);
  const hasQuote = hasText(quote) || QUOTE_MARK.test(note);
  const lower = note.toLowerCase();
  const vaguePhrases = VAGUE_PHRASES.filter((phrase) => containsPhrase(lower, phrase));
  return {
    numbers,
    dates,
    names,
    roles,
    quote: hasQuote,
    vaguePhrases,
    specific: numbers || dates || names || roles || hasQuote,
  };
}

/**
 * `specificityOf(note).specific`, stopping at the first signal: the lifecycle asks it of every
 * rejection note it folds, and most notes have a digit or a quote mark in them.
 */
export function isSpecific(note: string): boolean {
  requireText(note, "isSpecific: note");
  if (QUOTE_MARK.test(note) || ANY_DIGIT.test(note)) return true;
  // Stryker disable next-line BooleanLiteral: performance only: stopping early changes no answer
  const { numbers, dates, names, roles } = wordSignals(note, true);
  return numbers || dates || names || roles;
}

// A digit anywhere lies in some word, and makes that word a number.
const ANY_DIGIT = /\p{N}/u;

/** The word-level signals of a text, in one left-to-right pass; `firstOnly` stops at the first found. */
function wordSignals(
  text: string,
  firstOnly: boolean,
): { numbers: boolean; dates: boolean; names: boolean; roles: boolean } {
  let numbers = false;
  let dates = false;
  let names = false;
  let roles = false;
  let sentenceStart = true;
  let index = 0;
  // Stryker disable next-line StringLiteral: equivalent: any start that is no title word reads the same
  let previous = "";
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    // Stryker disable next-line EqualityOperator: equivalent: the character at start opens a word, never a stop
    for (let i = index; i < start; i += 1) if (".!?:;\n".includes(text.charAt(i))) sentenceStart = true;
    index = start + word.length;
    const lowerWord = word.toLowerCase();
    if (/\p{N}/u.test(word) || NUMBER_WORDS.has(lowerWord)) numbers = true;
    if (TIME_WORDS.has(lowerWord)) dates = true;
    if (ROLE_WORDS.has(lowerWord) || (lowerWord === "lead" && LEAD_TITLES.has(previous))) roles = true;
    previous = lowerWord;
    // A capitalised word inside a sentence names someone or something (Dana, Ruiz, Salesforce);
    // acronyms (CRM) and single letters (I) do not.
    if (!sentenceStart && /^\p{Lu}\p{Ll}/u.test(word) && !TIME_WORDS.has(lowerWord) && !NOT_NAMES.has(lowerWord))
      names = true;
    sentenceStart = false;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: performance only: signals only turn on
    if (firstOnly && (numbers || dates || names || roles)) break;
  }
  return { numbers, dates, names, roles };
}

/** Whole-word containment: "might" in "mighty" does not count. */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    // Outside the text charAt gives "", which is no letter: the text's ends bound a word.
    const before = text.charAt(at - 1);
    const after = text.charAt(at + phrase.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
