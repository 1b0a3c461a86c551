/**
 * The benchmark is a list of sections; each measures one area and returns rows for the one table that
 * `npm run bench` prints and the README's Performance section quotes. To add a measurement, write a section
 * (a name and an async `run` returning rows) and append it to SECTIONS in run.ts.
 */
export interface BenchRow {
  /** What was measured, e.g. "CLI `--help`, wall". */
  measure: string;
  /** The result, with its unit: "142 ms", "54.1 MiB", "915 /s". */
  value: string;
  /** The same against a baseline measured in the same run (`node -e 0`), when there is one. */
  baseline?: string;
  /** The goal, when the project has one for this row. */
  goal?: string;
}

export interface BenchSection {
  name: string;
  /** Throws to report the section as failed (the others still run). */
  run(): Promise<BenchRow[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (n: number, digits = 0): string => `${n.toFixed(digits)} ms`;

/** A Markdown table: first column left-aligned, the others right-aligned. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
