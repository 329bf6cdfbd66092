const SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const ID15 = /^[a-zA-Z0-9]{15}$/u;

/**
 * A Salesforce id in its 18-character form. Reports and the UI show the 15-character id, which is
 * case-sensitive; the API returns 18 characters, the 15 and a suffix that encodes where the capitals
 * are, so ids can be compared by software that ignores case. Both forms of one record become the
 * same string here; anything that is not a 15-character id is returned as it is.
 *
 * @example
 * ```ts
 * import { salesforceId18 } from "handoff-kit/adapters";
 * salesforceId18("001M000000qfPyS"); // "001M000000qfPySIAU"
 * ```
 * @category Adapters
 */
export function salesforceId18(id: string): string {
  if (!ID15.test(id)) return id;
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = id.charCodeAt(chunk * 5 + i);
      // An upper-case letter A-Z sets the bit; digits and lower case do not. The first character is bit 0.
      if (char >= 65 && char <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX[bits] as string;
  }
  return id + suffix;
}
