/**
 * RE2 in the calling thread, for patterns that are cheap by construction. A process that validates one pattern and
 * exits (the CLI's `apply` and `validate --regex`) saves the worker thread (≈ 30 ms and 10 MiB on top of re2-wasm's
 * own ≈ 20 ms and 9 MiB). A compile cannot be interrupted in this thread, so only patterns whose cost is bounded
 * by their text come here; everything else still goes to the worker and its time budget.
 */
import { lazy } from '../../common/lazy';
import type { CompileOutcome } from './compileWorker';
import { loadRe2Binding, re2CompileError } from './re2Binding';

const MAX_LENGTH = 256;
/**
 * Bound on `length × product of repetition counts`, an upper bound of the atoms RE2 expands the pattern into.
 * Measured on re2-wasm (2-core CI machine): 1,000 expanded ASCII atoms (`[^a]{1000}`, `(\W\W){500}`) compile in
 * 50–140 ms; ~12,000 exhaust its fixed 16 MiB heap (an abort). Unicode classes cost far more (`\pL{20}`: 250 ms,
 * `\pL{100}`: abort), so any escape that can name one keeps the pattern off this path.
 */
const MAX_EXPANSION = 1024;

/** True when compiling `re2Pattern` (the scanner's RE2 rewrite) is known to be quick and safe in this thread. */
export function isCheapToCompile(re2Pattern: string): boolean {
  if (re2Pattern.length > MAX_LENGTH) return false;
  // Non-ASCII text, Unicode classes (\p \P), code points (\x \u \U \N \o), \C, \X, and digit escapes (octal).
  if (/[^ -~\t\n\r\f\v]/.test(re2Pattern) || /\\[pPxuUNoCX0-9]/.test(re2Pattern)) return false;
  let bound = re2Pattern.length;
  // Counts multiply only when nested; multiplying all of them over-estimates, which only sends more to the worker.
  for (const [, min, max] of re2Pattern.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    bound *= Math.max(Number(min), Number(max || 0), 1);
    if (bound > MAX_EXPANSION) return false;
  }
  return true;
}

const binding = lazy(loadRe2Binding);

/** Throws only when the wasm module aborts (not expected for a cheap pattern); the module is unusable after that. */
export function compileInProcess(re2Pattern: string): CompileOutcome {
  const error = re2CompileError(binding(), re2Pattern);
  return error === undefined ? { kind: 'ok' } : { kind: 'error', text: error };
}
