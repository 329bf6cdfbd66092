import { requireText } from "../../core/guards.js";
import { countOf } from "../../core/format.js";
import { QUOTE_PAIRS, wordsOf } from "../../core/text.js";
import { specificityOf } from "../../qualification/index.js";

/**
 * Boilerplate that carries no context (the handoff-checklist article's examples: "interested, wants
 * demo", "wants to learn more"), and its near relatives.
 *
 * @example
 * ```ts
 * import { GENERIC_PHRASES } from "handoff-kit/rubric";
 * GENERIC_PHRASES.includes("wants to learn more"); // true
 * ```
 * @category Text heuristics
 */
export const GENERIC_PHRASES = [
  "interested wants demo",
  "interested wants a demo",
  "wants a demo",
  "wants demo",
  "wants to learn more",
  "want to learn more",
  "interested",
  "seemed interested",
  "good call",
  "great call",
  "send info",
  "send more info",
  "follow up",
  "check back later",
  "open to a chat",
  "needs more info",
  "will circle back",
] as const;

/** Words needed before a note can carry context. */
const MIN_WORDS = 6;

/**
 * Whether a note is generic, and why.
 *
 * @example
 * ```ts
 * import type { GenericNoteCheck } from "handoff-kit/rubric";
 * const coach = (check: GenericNoteCheck): string => (check.generic ? check.message : "fine");
 * ```
 * @category Text heuristics
 */
export interface GenericNoteCheck {
  readonly generic: boolean;
  /** Boilerplate phrases found. */
  readonly phrases: readonly string[];
  readonly words: number;
  readonly tooShort: boolean;
  readonly message: string;
}

/** Lower-case words joined by single spaces, so phrases match across punctuation. */
function normalise(text: string): string[] {
  return wordsOf(text.toLowerCase());
}

/**
 * Marks the words each whole-word occurrence of a phrase covers; returns whether it occurs. A word
 * covered by several overlapping phrases ("interested", "wants demo", "interested wants demo") is
 * one boilerplate word, not three.
 */
function markPhrase(words: readonly string[], phrase: readonly string[], covered: boolean[]): boolean {
  let found = false;
  // Stryker disable next-line ArithmeticOperator: equivalent: past the last fit words[i + j] is undefined: no match
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    let match = true;
    for (let j = 0; j < phrase.length && match; j += 1) match = words[i + j] === phrase[j];
    if (!match) continue;
    found = true;
    for (let j = 0; j < phrase.length; j += 1) covered[i + j] = true;
  }
  return found;
}

/**
 * Detects boilerplate notes: too short to carry context (under six words), or made of stock phrases
 * with nothing specific beside them: no number, date, name, role or quote, and fewer than six words
 * outside the stock phrases (each word counted once, however many phrases overlap on it). Linear in
 * the text's words times the phrase list, Unicode-aware; no regular expression that backtracks.
 *
 * @example
 * ```ts
 * import { detectGenericNotes } from "handoff-kit/rubric";
 * detectGenericNotes("Interested, wants demo").generic; // true
 * detectGenericNotes(
 *   "Dana runs RevOps for 420 people; the board pack takes her team 3 days a month.",
 * ).generic; // false
 * ```
 * @category Text heuristics
 */
export function detectGenericNotes(text: string): GenericNoteCheck {
  requireText(text, "detectGenericNotes: text");
  const words = normalise(text);
  const covered: boolean[] = words.map(() => false);
  const phrases = GENERIC_PHRASES.filter((phrase) => markPhrase(words, phrase.split(" "), covered));
  const boilerplateWords = covered.filter(Boolean).length;
  const tooShort = words.length < MIN_WORDS;
  const specific = specificityOf(text).specific;
  // With no stock phrase no word is boilerplate, and the last test is tooShort again.
  const generic = tooShort || (!specific && words.length - boilerplateWords < MIN_WORDS);
  const message = generic ? genericReason(words.length, tooShort, phrases) : "The note carries context";
  return { generic, phrases, words: words.length, tooShort, message };
}

/** Why a note is generic: too short to say anything, or stock phrases with nothing specific beside them. */
function genericReason(words: number, tooShort: boolean, phrases: readonly string[]): string {
  if (tooShort) return `${countOf(words, "word")} cannot carry the conversation`;
  return `Stock phrases (${phrases.map((phrase) => `"${phrase}"`).join(", ")}) with nothing specific beside them`;
}

/**
 * Finds quoted passages: straight (`"..."`), curly (`“...”`), German (`„...“`), guillemets (`«...»`,
 * `‹...›`) and CJK corner brackets. One pass; an unclosed quote is ignored.
 *
 * @example
 * ```ts
 * import { findQuotes } from "handoff-kit/rubric";
 * // ["we rebuild the deck by hand", "c’est urgent"]
 * findQuotes('She said “we rebuild the deck by hand” and «c’est urgent».');
 * ```
 * @category Text heuristics
 */
export function findQuotes(text: string): string[] {
  requireText(text, "findQuotes: text");
  const quotes: string[] = [];
  let closer: string | undefined;
  let start = 0;
  let index = 0;
  for (const char of text) {
    if (closer === undefined) {
      const expected = QUOTE_PAIRS[char];
      // Stryker disable next-line ConditionalExpression: equivalent: start is read only after a closer is set
      if (expected !== undefined) {
        closer = expected;
        start = index + char.length;
      }
    } else if (char === closer) {
      const quote = text.slice(start, index).trim();
      if (quote.length > 0) quotes.push(quote);
      closer = undefined;
    }
    index += char.length;
  }
  return quotes;
}
