import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import type { Scoreboard } from "./finish.js";

/** Throws `invalid_argument` unless `board` has the shape `scoreboard` returns (what its readers use). */
export function requireBoard(board: unknown, fn: string): asserts board is Scoreboard {
  const { groupBy, groups, overall } = (isRecord(board) ? board : {}) as { groupBy?: unknown; groups?: unknown; overall?: unknown };
  if (!Array.isArray(groupBy) || !Array.isArray(groups) || !isRecord(overall)) {
    throw new HandoffKitError("invalid_argument", { detail: `${fn} expects a board made by scoreboard (or finish): ${describeValue(board)}` });
  }
}
