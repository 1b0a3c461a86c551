/**
 * What can be wrong with a filters file, located in its text. One list feeds both faces: the CLI prints
 * `FILE:LINE:COLUMN: error: …` for each, the editor turns them into diagnostics with quick fixes.
 */
import type { Span } from './filtersFile';

/**
 * Who else reports the problem in the editor, so that it shows there exactly once:
 * - `syntax`: JSON syntax and duplicate property names — VS Code's JSON language service reports them;
 * - `schema`: what the contributed JSON schema checks (shapes, required and unknown properties, match types);
 * - `content`: what no schema can know (topic names, attribute keys, values per match type, duplicates, patterns);
 * - `org`: what only the signed-in org knows (integrations and subscriptions that do not exist).
 * The CLI reports all of them.
 */
export type ProblemKind = 'syntax' | 'schema' | 'content' | 'org';

/** A text edit on the file, e.g. for a quick fix. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface FileProblem {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  /** Stable identifier (tests, quick fixes): `invalidTopic`, `duplicateFilterKey`, `pattern.missingParen`… */
  code: string;
  message: string;
  span: Span;
  /** A fix obvious enough to offer in one click. */
  fix?: { title: string; edits: TextEdit[] };
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    // \r\n counts once; a lone \r ends a line too, as in editors.
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** `FILE:LINE:COLUMN: error: message`, the form editors and CI logs link to the place. */
export function formatProblem(file: string, text: string, problem: FileProblem): string {
  const { line, column } = lineColumnAt(text, problem.span.offset);
  return `${file}:${line}:${column}: ${problem.severity}: ${problem.message}`;
}

/** Problems in reading order: by position, errors before warnings at the same place. */
export function sortProblems(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.span.offset - b.span.offset ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.span.length - b.span.length,
  );
}
