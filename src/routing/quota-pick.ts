/**
 * The member of a weighted queue the next lead goes to, by Balinski and Young's quota method: only a
 * member whose count would stay within its upper quota with one more lead may take it (count x total
 * weight < leads so far + 1, times its weight: exact in whole numbers), and among those the one with the
 * largest weight / (count + 1) (d'Hondt's divisor) takes it, a tie going to the member first in `rank`.
 * The method keeps every member within one lead of its weighted share after every lead, the fairness
 * the routers promise and their users cannot check (a law in test/routing holds it); the largest-deficit
 * rule (smooth weighted round robin) drifts past one with many small weights beside a large one.
 *
 * `weights` are positive whole numbers (ratios: 200/100/100 gives 30/15/15 over 60 leads); `counts` are
 * the leads each member has had since the counters last reset; `rank` lists the members' indexes in
 * tie order. Returns the index of the member, or -1 for an empty queue.
 */
export function quotaPick(weights: readonly number[], counts: readonly number[], rank: readonly number[]): number {
  let totalWeight = 0;
  let leads = 0;
  for (let i = 0; i < weights.length; i += 1) {
    totalWeight += weights[i] as number;
    leads += counts[i] as number;
  }
  let best = -1;
  for (const i of rank) {
    const weight = weights[i] as number;
    const count = counts[i] as number;
    if (count * totalWeight >= (leads + 1) * weight) continue;
    // weight / (count + 1) against the best's, cross-multiplied so equal ratios tie exactly.
    if (best === -1 || weight * ((counts[best] as number) + 1) > (weights[best] as number) * (count + 1)) best = i;
  }
  return best;
}
