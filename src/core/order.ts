/** Orders two strings by UTF-16 code units (what `<` does), the same on every host: no locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
