/**
 * Turns RE2's positionless error text ("<code>: <fragment of the rewritten pattern>") into a diagnostic
 * with a UTF-16 range in the user's own pattern, using the scanner's candidates and segment map.
 */
import type { ErrorCandidate, ScanResult } from './scanner';
import { formatRange, type RegexDiagnostic } from './types';

/** RE2's fixed error code texts (re2/regexp.cc), longest first where one is a prefix of another. */
const RE2_CODES = [
  'invalid character class range',
  'invalid character class',
  'invalid escape sequence',
  'missing ]',
  'missing )',
  'unexpected )',
  'trailing \\',
  'no argument for repetition operator',
  'invalid repetition size',
  'bad repetition operator',
  'invalid perl operator',
  'invalid UTF-8',
  'invalid named capture group',
  'pattern too large - compile failed',
  'pattern too large - reject',
];

const DIAGNOSTIC_CODES: Record<string, string> = {
  'invalid character class range': 'invalidClassRange',
  'invalid character class': 'invalidClass',
  'invalid escape sequence': 'invalidEscape',
  'missing ]': 'missingBracket',
  'missing )': 'missingParen',
  'unexpected )': 'unexpectedParen',
  'trailing \\': 'trailingBackslash',
  'no argument for repetition operator': 'missingRepetitionArgument',
  'invalid repetition size': 'invalidRepetitionSize',
  'bad repetition operator': 'badRepetition',
  'invalid perl operator': 'invalidGroup',
  'invalid UTF-8': 'invalidUtf8',
  'invalid named capture group': 'invalidNamedGroup',
};

export function parseRe2Error(text: string): { code: string; fragment: string } {
  const code = RE2_CODES.find((c) => text === c || text.startsWith(`${c}: `));
  if (!code) return { code: text, fragment: '' };
  return { code, fragment: text.slice(code.length + 2) };
}

export function tooComplexDiagnostic(pattern: string, reason: string): RegexDiagnostic {
  return {
    code: 'tooComplex',
    severity: 'error',
    start: 0,
    end: pattern.length,
    message: `pattern is too complex to validate safely (${reason}); simplify it, e.g. smaller repeat counts or fewer Unicode classes`,
  };
}

export function mapRe2Error(pattern: string, scan: ScanResult, errorText: string): RegexDiagnostic {
  const { code, fragment } = parseRe2Error(errorText);
  if (code.startsWith('pattern too large')) return tooComplexDiagnostic(pattern, 'RE2 program too large');
  const range = locate(pattern, scan, code, fragment);
  const text = pattern.slice(range.start, range.end);
  const at = formatRange(range.start, range.end);
  const diagnosticCode = DIAGNOSTIC_CODES[code] ?? 'invalidPattern';
  const message = ((): string => {
    switch (code) {
      case 'missing )':
        return `missing ) — group opened at ${range.start} is never closed`;
      case 'missing ]':
        return `missing ] — character class opened at ${range.start} is never closed`;
      case 'unexpected )':
        return `unexpected ) at ${at} — there is no open group to close`;
      case 'trailing \\':
        return `trailing \\ at ${at} — write \\\\ for a literal backslash`;
      case 'no argument for repetition operator':
        return `missing argument to repetition operator ${text} at ${at} — there is nothing before it to repeat`;
      case 'bad repetition operator':
        return `bad repetition operator ${text} at ${at} — a quantifier cannot follow another quantifier`;
      case 'invalid repetition size':
        return `invalid repetition size ${text} at ${at} — ${range.detail ?? 'RE2 allows at most 1000'}`;
      case 'invalid escape sequence':
        return `invalid escape sequence ${text} at ${at}`;
      case 'invalid character class range':
        return /^\\[pP]/.test(text)
          ? `unknown Unicode class ${text} at ${at}`
          : `invalid character class range ${text} at ${at}`;
      case 'invalid perl operator':
        return `invalid group syntax ${text} at ${at}`;
      case 'invalid named capture group':
        return `invalid named capture group ${text} at ${at} — names use letters, digits and _`;
      default:
        return `${code} at ${at}`;
    }
  })();
  return { code: diagnosticCode, severity: 'error', start: range.start, end: range.end, message };
}

interface Located {
  start: number;
  end: number;
  detail?: string;
}

/** Best guess first: the scanner's candidate whose rewritten text equals RE2's fragment, then looser matches. */
function locate(pattern: string, scan: ScanResult, code: string, fragment: string): Located {
  const candidates = scan.candidates.filter((c) => c.re2Code === code);
  const pick = (c: ErrorCandidate | undefined): Located | undefined =>
    c && { start: c.start, end: c.end, detail: c.detail };
  const found =
    pick(candidates.find((c) => c.out === fragment)) ??
    pick(candidates.find((c) => fragment !== '' && (c.out.startsWith(fragment) || fragment.startsWith(c.out)))) ??
    pick(candidates[0]) ??
    fromFragment(scan, fragment);
  return found ?? { start: 0, end: pattern.length };
}

/** Finds RE2's fragment in the rewritten pattern and maps it back through the segments. */
function fromFragment(scan: ScanResult, fragment: string): Located | undefined {
  if (fragment === '') return undefined;
  const outStart = scan.re2Pattern.indexOf(fragment);
  if (outStart < 0) return undefined;
  const outEnd = outStart + fragment.length;
  const covering = scan.segments.filter((s) => s.outEnd > outStart && s.outStart < outEnd);
  if (covering.length === 0) return undefined;
  return { start: covering[0].start, end: covering[covering.length - 1].end };
}
