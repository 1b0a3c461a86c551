/**
 * The file `validate --patterns` reads: one JSON string per line. JSON keeps every pattern on one line and says
 * exactly where it starts and ends (leading spaces, a trailing backslash, a newline inside the pattern).
 */

/** One line of the file: the pattern it holds, or why it holds none. `line` is 1-based. */
export type PatternLine = { line: number; pattern: string } | { line: number; problem: string };

export function parsePatternLines(text: string): PatternLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // The newline after the last line ends that line; it does not start an empty one.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw, i) => parsePatternLine(raw, i + 1));
}

function parsePatternLine(raw: string, line: number): PatternLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    // The parser's own words ("Unexpected token '^', "^a$" is not valid JSON") say what is wrong and where.
    const reason = raw.trim() === '' ? 'the line is empty' : err instanceof Error ? err.message : String(err);
    return { line, problem: `not a JSON string: ${reason}` };
  }
  if (typeof value !== 'string') {
    const kind =
      value === null
        ? 'null'
        : Array.isArray(value)
          ? 'an array'
          : typeof value === 'object'
            ? 'an object'
            : `a ${typeof value}`;
    return { line, problem: `not a JSON string: the line holds ${kind}` };
  }
  return { line, pattern: value };
}
