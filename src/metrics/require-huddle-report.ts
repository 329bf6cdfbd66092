import { HandoffKitError } from "../core/error.js";
import { pure } from "../core/pure.js";
import { isRecord } from "../core/guards.js";
import { fieldProblem, isValidDate, listOf, ofType, optional, shapeOf, type ShapeCheck } from "../core/shape.js";
import type { HuddleReport } from "./huddle.js";

const text = /* @__PURE__ */ ofType("string");
const number = /* @__PURE__ */ ofType("number");
const reasons = /* @__PURE__ */ pure(() => listOf(shapeOf({ code: text, count: number, share: number })));
const FINDING_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
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
        id: text,
        account: shapeOf({ name: text }),
        sdr: shapeOf({ id: text }),
        ae: shapeOf({ id: text }),
      }),
      score: shapeOf({ score: number, grade: text }),
      why: listOf(text),
    }),
  ),
);

const REPORT_FIELDS = /* @__PURE__ */ pure(
  () =>
    ({
      now: isValidDate,
      week: shapeOf({ start: text, end: text, timeZone: text }),
      numbers: shapeOf({ booked: number, accepted: number, rejected: number, held: number, noShow: number, reasons }),
      bySdr: listOf(
        shapeOf({ sdrId: text, name: text, booked: number, accepted: number, rejected: number, noShow: number }),
      ),
      walkthroughs: shapeOf({ strong: walkthrough, weak: walkthrough }),
      breaches: listOf(
        shapeOf({
          handoffId: text,
          label: text,
          owner: text,
          sdrId: text,
          aeId: text,
          deadline: isValidDate,
          lateBy: number,
          stillOpen: ofType("boolean"),
        }),
      ),
      icpCalibration: listOf(shapeOf({ segment: text, decided: number, rejected: number, reasons })),
      findings: listOf(
        shapeOf({ kind: (value) => FINDING_KINDS.has(value), scope: text, message: text, likelyCause: optional(text) }),
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
