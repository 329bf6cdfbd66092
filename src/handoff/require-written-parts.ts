import { HandoffKitError } from "../core/error.js";
import {
  fieldProblem,
  isNumber,
  isText,
  isValidDate,
  listOf,
  ofType,
  optional,
  type ShapeCheck,
  shapeOf,
} from "../core/shape.js";
import { pure } from "../core/pure.js";
import type { Account } from "./account.js";
import type { Brief } from "./brief.js";
import type { Prospect } from "./contact.js";
import type { Handoff } from "./handoff.js";
import type { Meeting } from "./meeting.js";

const maybeText = /* @__PURE__ */ optional(isText);
const maybeTexts = /* @__PURE__ */ pure(() => optional(listOf(isText)));
const maybeFlag = /* @__PURE__ */ optional(ofType("boolean"));
const section = (fields: Readonly<Record<string, ShapeCheck>>): ShapeCheck => optional(shapeOf(fields));

const PERSON = /* @__PURE__ */ pure(() => ({
  name: isText,
  title: maybeText,
  role: isText,
  influence: maybeText,
  pathToBuyer: maybeText,
  note: maybeText,
}));

const BRIEF_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      notes: maybeText,
      quotes: maybeTexts,
      discovery: section({ prospectRole: maybeText, prompt: maybeText, problem: maybeText }),
      icpFit: section({ signal: maybeText, verified: maybeFlag }),
      trigger: section({ kind: isText, description: maybeText, timing: maybeText }),
      techStack: section({ inUse: maybeTexts, unhappyWith: maybeTexts, evaluating: maybeTexts }),
      budget: section({ controller: maybeText, allocated: maybeText, buyingProcess: maybeText }),
      objections: maybeTexts,
      competitors: maybeTexts,
      redFlags: maybeTexts,
      stakeholders: optional(listOf(shapeOf(PERSON))),
      nextStep: section({ inProspectWords: maybeText, promised: maybeText, aePreparation: maybeText }),
      engagement: optional(
        listOf(shapeOf({ channel: isText, at: isValidDate, direction: maybeText, summary: maybeText })),
      ),
    }) as const satisfies Record<keyof Brief, ShapeCheck>,
);

const PROSPECT_FIELDS = /* @__PURE__ */ pure(
  () => ({ ...PERSON, email: maybeText, phone: maybeText }) as const satisfies Record<keyof Prospect, ShapeCheck>,
);

const ACCOUNT_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      name: isText,
      domain: maybeText,
      industry: maybeText,
      employees: optional(isNumber),
      region: maybeText,
      country: maybeText,
    }) as const satisfies Record<keyof Account, ShapeCheck>,
);

const MEETING_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      start: isValidDate,
      end: isValidDate,
      style: isText,
      introSent: ofType("boolean"),
      sdrJoined: ofType("boolean"),
      location: maybeText,
    }) as const satisfies Record<keyof Meeting, ShapeCheck>,
);

/**
 * Throws `invalid_argument` unless the parts a brief or an intro email writes out (the brief, the
 * prospect, the account, the meeting) have the types `parseHandoff` gives them, field by field: a
 * renderer reads all of them, where `requireHandoff` (run on every call of the hot paths) reads only
 * what every function needs. The values' rules (an email's form, text that is not empty) are
 * `parseHandoff`'s: a handoff typed code builds with an empty note still renders.
 */
export function requireWrittenParts(handoff: Handoff, fn: string): void {
  const problem =
    fieldProblem(handoff.brief, BRIEF_FIELDS, "brief") ??
    fieldProblem(handoff.prospect, PROSPECT_FIELDS, "prospect") ??
    fieldProblem(handoff.account, ACCOUNT_FIELDS, "account") ??
    (handoff.meeting === undefined ? undefined : fieldProblem(handoff.meeting, MEETING_FIELDS, "meeting"));
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn} expects a parsed handoff (parseHandoff): ${problem}`,
    });
}
