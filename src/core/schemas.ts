import * as z from "zod";
import { isValidTimeZone, unknownZoneMessage, zoneNameAsSpelled } from "./time-zone.js";
import { pure } from "./pure.js";
import { isoInstantMs } from "./iso-instant.js";

/**
 * The instant's rules as zod's own schemas (text first: a union stops at the first option that takes
 * the value, and records read from JSON carry text, so each of their instants is checked once rather
 * than refused as a Date first). `instantSchema` answers from it whenever a value is not a plain ISO
 * text or a valid Date, so every issue is worded, coded and placed as this schema places it.
 */
export const writtenInstant = /* @__PURE__ */ pure(() => {
  const isoText = z.iso.datetime({
    offset: true,
    error: "Expected an ISO 8601 date-time with Z or an offset, such as 2026-11-02T15:40:00Z",
  });
  const schema = z
    .union([isoText, z.date(), z.number().int({ error: "Epoch milliseconds must be an integer" })], {
      error: "Expected a Date, integer epoch milliseconds, or an ISO 8601 date-time with Z or an offset",
    })
    .transform((value) => new Date(value))
    .pipe(z.date({ error: "The instant is outside the range a Date can hold" }));
  // zod sets the pattern of every ISO format when it builds one.
  return { schema, isoPattern: isoText._zod.def.pattern as RegExp };
});

/**
 * An instant in untrusted input: a `Date`, integer epoch milliseconds, or an ISO 8601 date-time
 * with `Z` or an offset. A date-time without an offset is refused: reading it would need the host's
 * zone, which the library never uses. Parsed values are fresh `Date`s, never the caller's object.
 *
 * A record holds about twenty instants, and the union, transform and pipe above cost a third of
 * parsing one; so ISO text zod's own pattern takes, and a valid `Date`, are answered here in one
 * step, to the same `Date`, and anything else is handed to that schema, whose issues (with whether
 * each stops the checks after it) are passed on as they are.
 */
export const instantSchema = /* @__PURE__ */ pure(
  () =>
    z.transform((value: unknown, payload) => {
      if (typeof value === "string") {
        if (writtenInstant.isoPattern.test(value)) return new Date(isoInstantMs(value));
      } else if (value instanceof Date && !Number.isNaN(value.getTime())) return new Date(value.getTime());
      const checked = writtenInstant.schema._zod.run({ value, issues: [] }, { async: false });
      payload.issues.push(...(checked as z.core.ParsePayload).issues);
      return (checked as z.core.ParsePayload).value;
    }) as unknown as z.ZodType<Date, string | number | Date>,
);

/** A non-empty string, surrounding white space removed. */
export const textSchema = /* @__PURE__ */ pure(() => z.string().trim().min(1, { error: "Must not be empty" }));

/** An identifier: a non-empty string. */
export const idSchema = /* @__PURE__ */ pure(() => z.string().min(1, { error: "An id must not be empty" }));

/**
 * An IANA time zone name this runtime knows (aliases accepted, any case; spelled as the tz database
 * does where Intl can tell).
 */
export const timeZoneSchema = /* @__PURE__ */ pure(() =>
  z
    .string()
    .refine(isValidTimeZone, {
      error: (issue) => unknownZoneMessage(String(issue.input)),
      params: { code: "invalid_time_zone" },
    })
    .transform(zoneNameAsSpelled),
);

/** An ISO 4217 currency code such as `USD`. */
export const currencySchema = /* @__PURE__ */ pure(() =>
  z.string().regex(/^[A-Z]{3}$/, { error: "Expected an ISO 4217 code such as USD" }),
);
