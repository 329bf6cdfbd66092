/** A count with its noun, singular for one: `1 record`, `2 records`. */
export function counted(count: number, noun: string): string {
  return `${String(count)} ${count === 1 ? noun : `${noun}s`}`;
}
