import { HandoffKitError } from "../core/error.js";
import { pure } from "../core/pure.js";
import { isRecord } from "../core/guards.js";
import {
  fieldProblem,
  isNumber,
  isText,
  isValidDate,
  listOf,
  ofType,
  oneOf,
  optional,
  type ShapeCheck,
  shapeOf,
} from "../core/shape.js";
import type { HuddleReport } from "./huddle.js";

const reasons = /* @__PURE__ */ pure(() => listOf(shapeOf({ code: isText, count: isNumber, share: isNumber })));
const FINDING_KINDS = /* @__PURE__ */ oneOf([
  "outside_band",
  "watch",
  "differs_from_team",
  "red_flag",
  "trend_watch",
] satisfies HuddleReport["findings"][number]["kind"][]);
const walkthrough = /* @__PURE__ */ pure(() =>
  optional(
    shapeOf({
      handoff: shapeOf({
        id: isText,
        account: shapeOf({ name: isText }),
        sdr: shapeOf({ id: isText }),
        ae: shapeOf({ id: isText }),
      }),
      score: shapeOf({ score: isNumber, grade: isText }),
      messages: listOf(isText),
    }),
  ),
);

const REPORT_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      now: isValidDate,
      week: shapeOf({ start: isText, end: isText, timeZone: isText }),
      numbers: shapeOf({
        booked: isNumber,
        accepted: isNumber,
        rejected: isNumber,
        held: isNumber,
        noShow: isNumber,
        reasons,
      }),
      bySdr: listOf(
        shapeOf({
          sdrId: isText,
          name: isText,
          booked: isNumber,
          accepted: isNumber,
          rejected: isNumber,
          noShow: isNumber,
        }),
      ),
      walkthroughs: shapeOf({ strong: walkthrough, weak: walkthrough }),
      breaches: listOf(
        shapeOf({
          handoffId: isText,
          label: isText,
          owner: isText,
          sdrId: isText,
          aeId: isText,
          deadline: isValidDate,
          lateBy: isNumber,
          stillOpen: ofType("boolean"),
        }),
      ),
      icpCalibration: listOf(shapeOf({ segment: isText, decided: isNumber, rejected: isNumber, reasons })),
      findings: listOf(
        shapeOf({
          kind: FINDING_KINDS,
          scope: isText,
          message: isText,
          likelyCause: optional(isText),
        }),
      ),
      names: (value) => isRecord(value) && Object.values(value).every((name) => typeof name === "string"),
      dataIssues: Array.isArray,
    }) as const satisfies Partial<Record<keyof HuddleReport, ShapeCheck>>,
);

/**
 * Throws `invalid_argument` unless `value` has the shape `huddleReport` returns, as far as
 * `renderHuddleReport` reads it. Typed code always passes; a report built by hand or read back from
 * JSON (its Dates as text) is answered with the part that is wrong, instead of a `TypeError`.
 */
export function requireHuddleReport(value: unknown, fn: string): asserts value is HuddleReport {
  const problem = fieldProblem(value, REPORT_FIELDS, "");
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", { detail: `${fn} expects what huddleReport returns: ${problem}` });
}
