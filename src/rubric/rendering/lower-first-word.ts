import { wordsOf } from "../../core/text.js";

// How the intro email starts a clause with the SDR's words: only the first letter of an ordinary word
// is lowered, so names and acronyms stay as written.
const LETTER = /^[\p{L}\p{M}]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

/**
 * Lower-cases the first letter of a text that starts a clause mid-sentence ("Board reporting is
 * manual" becomes "board reporting is manual"), only when the first word looks like an ordinary
 * word: a capital, then a lower-case letter, and no capital after it. Acronyms ("CRM"), mixed-case
 * names ("HubSpot", "McKinsey"), one-letter words ("I", "A") and any word of the given names (people,
 * the account, tools) are left as they are. Other proper nouns cannot be told from ordinary words.
 *
 * @internal
 * @example
 * ```ts
 * lowerFirstWord("CRM data is stale", []); // "CRM data is stale"
 * lowerFirstWord("Dana's team is stuck", ["Dana Ruiz"]); // "Dana's team is stuck"
 * lowerFirstWord("Board reporting is manual", []); // "board reporting is manual"
 * ```
 */
export function lowerFirstWord(text: string, names: readonly (string | undefined)[]): string {
  const letters: string[] = [];
  for (const char of text) {
    if (!LETTER.test(char)) break;
    letters.push(char);
  }
  const [first, second, ...rest] = letters;
  if (
    first === undefined ||
    second === undefined ||
    !UPPER.test(first) ||
    !LOWER.test(second) ||
    rest.some((char) => UPPER.test(char))
  )
    return text;
  const word = letters.join("");
  if (names.some((name) => name !== undefined && wordsOf(name).includes(word))) return text;
  return first.toLowerCase() + text.slice(first.length);
}
