import { HandoffKitError } from "../core/error.js";
import { fieldProblem, isText, isValidDate, oneOf, optional, type ShapeCheck, shapeOf } from "../core/shape.js";
import { pure } from "../core/pure.js";
import { HANDOFF_STATUSES, MEETING_STATUSES, type LifecycleState } from "./state.js";

const date: ShapeCheck = isValidDate;
const count: ShapeCheck = (value) => Number.isInteger(value) && (value as number) >= 0;

/** What every state reads, and what each status adds: the fields `evolve`, `decide` and `summarize` read. */
const BY_STATUS: Readonly<Record<LifecycleState["status"], Readonly<Record<string, ShapeCheck>>>> =
  /* @__PURE__ */ pure(() => {
    const owners = shapeOf({ sdr: optional(isText), ae: optional(isText) });
    const common = { status: oneOf(HANDOFF_STATUSES), cycle: count, corrections: count, owners };
    const booked = {
      ...common,
      meeting: shapeOf({
        status: oneOf(MEETING_STATUSES.filter((status) => status !== "none")),
        start: date,
        end: date,
        reschedules: count,
      }),
      firstBookedAt: date,
      bookedAt: date,
    };
    const decided = { ...booked, decision: shapeOf({ kind: oneOf(["accepted", "rejected"]), at: date }) };
    return {
      draft: { ...common, meeting: shapeOf({ status: oneOf(["none"]) }) },
      booked,
      accepted: decided,
      rejected: decided,
      recycled: decided,
      won: { ...decided, outcome: shapeOf({ kind: oneOf(["won"]), at: date }) },
      lost: { ...decided, outcome: shapeOf({ kind: oneOf(["lost"]), at: date }) },
    };
  });

/**
 * Throws `invalid_argument` unless `value` has the shape of a lifecycle state for its status, as
 * `initialState`, `evolve` and `stateOf` make it: the fields the lifecycle reads, deep.
 */
export function requireState(value: unknown, call: string): asserts value is LifecycleState {
  const status = (value as { status?: unknown } | null | undefined)?.status;
  const fields =
    typeof status === "string" && Object.hasOwn(BY_STATUS, status)
      ? BY_STATUS[status as LifecycleState["status"]]
      : BY_STATUS.draft;
  const problem = fieldProblem(value, fields, "state");
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${call} expects a lifecycle state (initialState, evolve, stateOf): ${problem}`,
    });
}
