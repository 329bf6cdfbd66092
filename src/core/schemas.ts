import * as z from "zod";
import { isValidTimeZone, unknownZoneMessage, zoneNameAsSpelled } from "./time-zone.js";
import { pure } from "./pure.js";

/**
 * An instant in untrusted input: a `Date`, integer epoch milliseconds, or an ISO 8601 date-time
 * with `Z` or an offset. A date-time without an offset is refused: reading it would need the host's
 * zone, which the library never uses. Parsed values are fresh `Date`s, never the caller's object.
 */
export const instantSchema = /* @__PURE__ */ pure(() =>
  z
    .union(
      // The text first: a union stops at the first option that takes the value, and records read from
      // JSON carry text, so each of their instants is checked once rather than refused as a Date first.
      [
        z.iso.datetime({
          offset: true,
          error: "Expected an ISO 8601 date-time with Z or an offset, such as 2026-11-02T15:40:00Z",
        }),
        z.date(),
        z.number().int({ error: "Epoch milliseconds must be an integer" }),
      ],
      { error: "Expected a Date, integer epoch milliseconds, or an ISO 8601 date-time with Z or an offset" },
    )
    .transform((value) => new Date(value))
    .pipe(z.date({ error: "The instant is outside the range a Date can hold" })),
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
