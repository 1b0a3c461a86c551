/**
 * Where each character of a JSON string's value sits in the file. A pattern written `"^\\d+$"` in the file is `^\d+$`:
 * a regex diagnostic at pattern offsets 1–3 (`\d`) must underline `\\d` (3 characters) in the file, not `\\`.
 */

/**
 * `literal` is the string as written, quotes included (`"a\\nb"`). Returns, for each UTF-16 unit of the decoded
 * value and one past its end, the offset in `literal` where it starts — so a value range [start, end) is the
 * literal range [offsets[start], offsets[end]). The entry past the end is the closing quote.
 */
export function decodedOffsets(literal: string): number[] {
  const offsets: number[] = [];
  // Skip the opening quote; stop before the closing one (an unterminated literal simply runs to the end).
  const end = literal.length > 1 && literal.endsWith('"') ? literal.length - 1 : literal.length;
  for (let i = 1; i < end;) {
    offsets.push(i);
    if (literal[i] !== '\\') {
      i += 1;
      continue;
    }
    // \uXXXX is one UTF-16 unit written with six characters; every other escape is two characters for one unit.
    i += literal[i + 1] === 'u' ? 6 : 2;
  }
  offsets.push(end);
  return offsets;
}

/** A range of the decoded value as a range of the file, given where the literal starts in the file. */
export function fileRangeOfValueRange(
  literal: string,
  literalOffset: number,
  start: number,
  end: number,
): { offset: number; length: number } {
  const offsets = decodedOffsets(literal);
  const clamp = (n: number) => Math.max(0, Math.min(n, offsets.length - 1));
  const from = offsets[clamp(start)];
  const to = offsets[clamp(Math.max(start, end))];
  return { offset: literalOffset + from, length: to - from };
}
