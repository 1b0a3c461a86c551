/**
 * Public entry of regex validation: RE2 (re2-wasm, in a worker) decides validity, the pure scanner names
 * PCRE2-only constructs and places RE2's positionless errors in the user's text.
 */
import { plural } from '../../common/text';
import { CompileWorker, abortError, type CompileOutcome, type CompileWorkerStats } from './compileWorker';
import { mapRe2Error, tooComplexDiagnostic } from './errorMapping';
import { compileInProcess, isCheapToCompile } from './inProcessCompile';
import { scanPattern, type ScanResult } from './scanner';
import {
  MAX_PATTERN_LENGTH,
  formatRange,
  type RegexDiagnostic,
  type RegexValidationOptions,
  type RegexValidationResult,
} from './types';

export * from './types';
export type { CompileWorkerStats as RegexValidatorStats } from './compileWorker';

export interface RegexValidatorOptions {
  /** Budget for one RE2 compile before the pattern counts as too complex (default 1,500 ms). */
  compileTimeoutMs?: number;
  /** Worker script to run; by default found next to the bundle or the compiled validator. */
  workerPath?: string;
  /**
   * Compile patterns that are cheap by construction (see inProcessCompile.ts) in this thread instead of the worker.
   * Only for a process that validates a pattern or two and exits (the CLI): it saves starting the worker, but a
   * long-lived host must keep every compile in the worker, where a time budget and a restart protect it.
   */
  inProcess?: boolean;
}

/** Recent RE2 outcomes by rewritten pattern: retyping or re-validating never recompiles (or re-crashes). */
const CACHE_SIZE = 256;

/** Worker-backed and lazy: nothing is loaded until the first validate(). One per process/extension. */
export class RegexValidator {
  private readonly worker: CompileWorker;
  private readonly cache = new Map<string, CompileOutcome>();
  private inProcess: boolean;

  constructor(options: RegexValidatorOptions = {}) {
    this.worker = new CompileWorker({ timeoutMs: options.compileTimeoutMs ?? 1500, workerPath: options.workerPath });
    this.inProcess = options.inProcess ?? false;
  }

  async validate(
    pattern: string,
    options: RegexValidationOptions = {},
    signal?: AbortSignal,
  ): Promise<RegexValidationResult> {
    if (signal?.aborted) throw abortError();
    if (typeof pattern !== 'string') throw new TypeError('pattern must be a string');
    const early = checkLength(pattern);
    if (early) return result([early]);

    const scan = scanPattern(pattern);
    const diagnostics = scan.findings.map((f): RegexDiagnostic => {
      if (f.kind !== 'pcre2Only') {
        return { code: f.code, message: f.message, severity: f.kind, start: f.start, end: f.end };
      }
      return options.allowPcre2Only
        ? {
            code: f.code,
            severity: 'warning',
            start: f.start,
            end: f.end,
            message: `${f.message} — accepted because PCRE2-only constructs are allowed, but RE2 cannot check it`,
          }
        : { code: f.code, severity: 'error', start: f.start, end: f.end, message: f.message };
    });

    const outcome = await this.compile(scan.re2Pattern, signal);
    if (outcome.kind === 'tooComplex') diagnostics.push(tooComplexDiagnostic(pattern, outcome.reason));
    else if (outcome.kind === 'error') diagnostics.push(mapRe2Error(pattern, scan, outcome.text));
    diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(validInfo(pattern, scan));
    return result(diagnostics);
  }

  /** Worker health for tests and diagnostics: restarts, compiles and the wasm heap's state. */
  stats(): Promise<CompileWorkerStats> {
    return this.worker.stats();
  }

  /** Terminates the worker; pending validations reject. */
  dispose(): Promise<void> {
    return this.worker.dispose();
  }

  /** The in-process fast path, when enabled and the pattern is cheap; undefined sends the pattern to the worker. */
  private compileHere(re2Pattern: string): CompileOutcome | undefined {
    if (!this.inProcess || !isCheapToCompile(re2Pattern)) return undefined;
    try {
      return compileInProcess(re2Pattern);
    } catch {
      // A wasm abort leaves the module unusable: from now on the worker compiles everything.
      this.inProcess = false;
      return undefined;
    }
  }

  private async compile(re2Pattern: string, signal?: AbortSignal): Promise<CompileOutcome> {
    const cached = this.cache.get(re2Pattern);
    if (cached) {
      this.cache.delete(re2Pattern); // re-insert: most recently used last
      this.cache.set(re2Pattern, cached);
      return cached;
    }
    const outcome = this.compileHere(re2Pattern) ?? (await this.worker.compile(re2Pattern, signal));
    // A timeout may be a busy machine (2 shared cores, a GC pause) rather than the pattern: keep it out of the cache
    // so that asking again can succeed. Aborts inside RE2 (out of memory) are deterministic and are cached.
    if (outcome.kind === 'tooComplex' && outcome.timedOut) return outcome;
    this.cache.set(re2Pattern, outcome);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return outcome;
  }
}

function checkLength(pattern: string): RegexDiagnostic | undefined {
  if (pattern.length === 0) {
    return {
      code: 'empty',
      severity: 'error',
      start: 0,
      end: 0,
      message: 'pattern is empty — enter a regular expression',
    };
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      code: 'tooLong',
      severity: 'error',
      start: MAX_PATTERN_LENGTH,
      end: pattern.length,
      message: `pattern is ${pattern.length.toLocaleString('en-US')} characters long; the limit is ${MAX_PATTERN_LENGTH.toLocaleString('en-US')} (the excess starts at ${MAX_PATTERN_LENGTH})`,
    };
  }
  return undefined;
}

function validInfo(pattern: string, scan: ScanResult): RegexDiagnostic {
  const groups = plural(scan.groupCount, 'group');
  return { code: 'valid', severity: 'info', start: 0, end: pattern.length, message: `Valid RE2 pattern · ${groups}` };
}

function result(diagnostics: RegexDiagnostic[]): RegexValidationResult {
  return { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}

/**
 * One line for an input box's validation message. Messages already name their position (0-based UTF-16,
 * end exclusive, e.g. "lookbehind at 0–4 …"); a warning is marked as such, and a diagnostic from elsewhere
 * without a position gets one appended.
 */
export function describeDiagnostic(pattern: string, d: RegexDiagnostic): string {
  const oneLine = d.message.replace(/\s*\n\s*/g, ' ');
  const prefix = d.severity === 'warning' ? 'Warning: ' : '';
  const wholePattern = d.start === 0 && d.end === pattern.length;
  const mentionsPosition = new RegExp(`\\b${d.start}\\b`).test(oneLine);
  const suffix =
    mentionsPosition || wholePattern || d.severity === 'info' ? '' : ` (at ${formatRange(d.start, d.end)})`;
  return `${prefix}${oneLine}${suffix}`;
}
