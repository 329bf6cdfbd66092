import type { IcpSubject } from "../qualification/index.js";
import type { Handoff } from "./handoff.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * What ICP fit is judged on, read from a handoff: the account's size, industry and region, and the
 * tools in use from the brief. Fields the handoff does not give are left out, not guessed.
 *
 * @example
 * ```ts
 * import { icpSubjectOf, type Handoff } from "handoff-kit/handoff";
 * import { defineIcp, scoreIcpFit } from "handoff-kit/qualification";
 * declare const handoff: Handoff;
 * const icp = defineIcp({ id: "fit", rules: [{ kind: "employees", min: 50, weight: 1 }] });
 * scoreIcpFit(icpSubjectOf(handoff), icp).score;
 * ```
 * @category Reading handoffs
 */
export function icpSubjectOf(handoff: Handoff): IcpSubject {
  requireHandoff(handoff, "icpSubjectOf");
  const { employees, industry, region } = handoff.account;
  const technologies = handoff.brief.techStack?.inUse;
  return {
    ...(employees === undefined ? {} : { employees }),
    ...(industry === undefined ? {} : { industry }),
    ...(region === undefined ? {} : { region }),
    ...(technologies === undefined ? {} : { technologies }),
  };
}
