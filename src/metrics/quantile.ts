/** A growable list of numbers in one typed array: 8 bytes a value, no boxing, cheap to merge. */
export interface NumberList {
  /** The buffer; values past `length` are spare capacity. */
  values: Float64Array;
  /** How many values the list holds. */
  length: number;
}

/** An empty list with room for `capacity` values. */
export function createNumberList(capacity = 16): NumberList {
  return { values: new Float64Array(capacity), length: 0 };
}

/** Appends a value, growing the buffer when full. */
export function pushNumber(list: NumberList, value: number): void {
  if (list.length === list.values.length) {
    // 1.5x: amortised constant time, with less idle capacity than doubling.
    const grown = new Float64Array(Math.ceil(list.values.length * 1.5));
    grown.set(list.values);
    list.values = grown;
  }
  list.values[list.length] = value;
  list.length += 1;
}

/** A new list holding every value of `lists`, in order. */
export function concatNumberLists(lists: readonly NumberList[]): NumberList {
  const length = lists.reduce((total, list) => total + list.length, 0);
  const values = new Float64Array(Math.max(16, length));
  let at = 0;
  for (const list of lists) {
    values.set(list.values.subarray(0, list.length), at);
    at += list.length;
  }
  return { values, length };
}

// Moves the k-th smallest value of a[left..right] to a[k], smaller ones before it and larger ones
// after (Hoare partitioning around a median-of-three pivot): O(n) on average, where sorting is
// O(n log n); the order statistics are all the median and p90 need.
function select(a: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  // Stryker disable next-line EqualityOperator: performance only: a pass over a range of one swaps it with itself
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Order a[lo], a[mid], a[hi] so the pivot is their median.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: any pivot in the range works
    if ((a[mid] ?? 0) < (a[lo] ?? 0)) swap(a, mid, lo);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
    if ((a[hi] ?? 0) < (a[lo] ?? 0)) swap(a, hi, lo);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
    if ((a[hi] ?? 0) < (a[mid] ?? 0)) swap(a, hi, mid);
    const pivot = a[mid] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i += 1;
      while ((a[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        swap(a, i, j);
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    // Stryker disable next-line ConditionalExpression: performance only: k is in place; going on reorders only above it
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] ?? 0;
  a[i] = a[j] ?? 0;
  a[j] = t;
}

function minOf(a: Float64Array, from: number, to: number): number {
  let min = a[from] ?? 0;
  // Stryker disable next-line EqualityOperator: equivalent: a tie is the same value (0 and -0 interpolate alike)
  for (let i = from + 1; i < to; i += 1) if ((a[i] ?? 0) < min) min = a[i] ?? 0;
  return min;
}

/**
 * Exact quantiles of a list by linear interpolation between order statistics (Hyndman and Fan's
 * type 7, the default of R, NumPy and d3/arquero), found by selection. Reorders `scratch`, which
 * must hold a copy of the values the caller may spare.
 */
export function quantilesInPlace(scratch: Float64Array, length: number, ps: readonly number[]): (number | null)[] {
  if (length === 0) return ps.map(() => null);
  // Larger quantiles first: once a rank is in place, smaller ranks lie to its left.
  const order = ps.map((p, index) => ({ p, index })).sort((x, y) => y.p - x.p);
  const out: (number | null)[] = ps.map(() => null);
  let right = length - 1;
  for (const { p, index } of order) {
    const h = (length - 1) * p;
    const k = Math.floor(h);
    select(scratch, k, 0, right);
    const at = scratch[k] ?? 0;
    const next = k + 1 < length ? minOf(scratch, k + 1, length) : at;
    out[index] = at + (h - k) * (next - at);
    right = k;
  }
  return out;
}
