/** Wording shared by every face (CLI, extension, emulator): one definition each. */

/** `2 filters`, `1 event`: a count and its noun. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  // The first toLocaleString of a process loads ICU's number formatting (≈ 12 ms of a CLI run); below 1,000 the
  // text is the same without it.
  const count = Number.isInteger(n) && Math.abs(n) < 1000 ? String(n) : n.toLocaleString('en-US');
  return `${count} ${n === 1 ? word : pluralWord}`;
}

/** A wait as people read it: `1 s`, `2.5 s`, `12 s` (tenths only under 10 s, where they matter). */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds >= 10 || Number.isInteger(seconds)) return `${Math.round(seconds)} s`;
  return `${seconds.toFixed(1).replace(/\.0$/, '')} s`;
}

/** The first item that occurs twice, or undefined. */
export function firstDuplicate<T>(items: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}
