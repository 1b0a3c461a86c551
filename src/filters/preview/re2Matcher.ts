/**
 * RE2 matching in this thread, with the very engine validation uses (re2-wasm), so that what is validated is what is
 * tested. Validation runs in a worker because compiling can take seconds or abort; matching a pattern that validation
 * accepted is linear in the input and takes about a microsecond, so a message hop per evaluation would cost more than
 * the match.
 *
 * Like the validation worker it uses re2-wasm's low-level embind binding, never the exported `RE2` class: that class
 * never frees its wasm object and the heap is fixed at 16 MiB. Compiled patterns live in a small LRU cache and every
 * one that leaves it is `.delete()`d, so memory stays flat however many evaluations run.
 */

interface MatchResult {
  /** -1 when there is no match. */
  index: number;
}
export interface WrappedRE2 {
  ok(): boolean;
  error(): string;
  match(input: string, start: number, getCapturingGroups: boolean): MatchResult;
  delete(): void;
}
interface Re2Binding {
  WrappedRE2: new (pattern: string, ignoreCase: boolean, multiline: boolean, dotAll: boolean) => WrappedRE2;
  HEAP8: Int8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
}

/**
 * Longest text handed to RE2, in UTF-16 units. The text is copied into the 16 MiB wasm heap as UTF-8 (up to 3 bytes
 * a unit) for each match; an 8 MiB string aborts the module. Event attribute values are far shorter.
 */
export const MAX_MATCH_INPUT = 1_000_000;
const DEFAULT_CAPACITY = 32;

export class MatchInputTooLongError extends Error {
  constructor(readonly length: number) {
    super(
      `a value of ${length.toLocaleString('en-US')} characters is longer than the ${MAX_MATCH_INPUT.toLocaleString('en-US')} the regex engine can match`,
    );
    this.name = 'MatchInputTooLongError';
  }
}

export interface Re2MatcherStats {
  evaluations: number;
  compiles: number;
  evictions: number;
  /** Times the wasm module aborted (out of memory) and was loaded afresh. */
  reloads: number;
  cached: number;
  /** Size of the wasm heap (fixed) and the address malloc hands out for a small block: it climbs when objects leak. */
  heapBytes: number;
  mallocProbe: number;
}

/**
 * The module instance every matcher in this process uses (a second one would cost another 16 MiB and 20 ms). After an
 * abort the instance is replaced; `generation` lets each matcher see that its cached objects died with the old one.
 */
let loaded: { binding: Re2Binding; generation: number } | undefined;

function loadModule(): { binding: Re2Binding; generation: number } {
  // Loaded on first use: requiring it compiles 858 KB of wasm (about 20 ms).
  loaded ??= { binding: require('re2-wasm/build/wasm/re2') as Re2Binding, generation: 0 };
  return loaded;
}

function replaceModule(failed: number): void {
  if (loaded && loaded.generation !== failed) return; // another matcher has replaced it already
  delete require.cache[require.resolve('re2-wasm/build/wasm/re2')];
  loaded = { binding: require('re2-wasm/build/wasm/re2') as Re2Binding, generation: failed + 1 };
}

export class Re2Matcher {
  private readonly cache = new Map<string, WrappedRE2>();
  /** The module generation the cached objects belong to. */
  private generation = -1;
  /** The most recently used key: re-inserting it on every hit would cost a Map delete and set per evaluation. */
  private newest?: string;
  private evaluations = 0;
  private compiles = 0;
  private evictions = 0;
  private reloads = 0;

  constructor(readonly capacity = DEFAULT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a whole number ≥ 1');
  }

  /**
   * Whether `text` contains a match of `re2Pattern` (unanchored; `^` and `$` anchor). `re2Pattern` must be the text
   * the validator compiled (its scanner's `re2Pattern`) and must have been accepted: an invalid one throws.
   */
  test(re2Pattern: string, text: string): boolean {
    if (text.length > MAX_MATCH_INPUT) throw new MatchInputTooLongError(text.length);
    this.evaluations++;
    try {
      return this.compiled(re2Pattern).match(text, 0, false).index >= 0;
    } catch (err) {
      if (!isWasmAbort(err)) throw err;
      // The module is unusable after an abort; a fresh instance has a fresh heap, so one more try is meaningful.
      this.reloads++;
      replaceModule(this.generation);
      return this.compiled(re2Pattern).match(text, 0, false).index >= 0;
    }
  }

  stats(): Re2MatcherStats {
    const { binding } = loadModule();
    const probe = binding._malloc(16);
    binding._free(probe);
    return {
      evaluations: this.evaluations,
      compiles: this.compiles,
      evictions: this.evictions,
      reloads: this.reloads,
      cached: this.cache.size,
      heapBytes: binding.HEAP8.length,
      mallocProbe: probe,
    };
  }

  /** Frees every compiled pattern (the module itself stays loaded for the next use). */
  clear(): void {
    if (this.generation === loaded?.generation) {
      for (const compiled of this.cache.values()) this.release(compiled);
    }
    this.cache.clear();
    this.newest = undefined;
  }

  /** Frees one compiled pattern; the only place objects leave the wasm heap (a test overrides it to prove a leak shows). */
  protected release(compiled: WrappedRE2): void {
    compiled.delete();
  }

  private compiled(re2Pattern: string): WrappedRE2 {
    const current = loadModule();
    if (current.generation !== this.generation) {
      // Objects of a replaced instance died with its heap: forgetting them is all there is to do.
      this.cache.clear();
      this.newest = undefined;
      this.generation = current.generation;
    }
    const hit = this.cache.get(re2Pattern);
    if (hit) {
      if (this.newest !== re2Pattern) {
        this.cache.delete(re2Pattern);
        this.cache.set(re2Pattern, hit);
        this.newest = re2Pattern;
      }
      return hit;
    }
    // Flags stay off, exactly as the validation worker compiles: inline flags in the pattern are what counts.
    const compiled = new current.binding.WrappedRE2(re2Pattern, false, false, false);
    if (!compiled.ok()) {
      const error = compiled.error();
      this.release(compiled);
      throw new Error(`RE2 rejected a pattern that should have been validated first: ${error}`);
    }
    this.compiles++;
    this.cache.set(re2Pattern, compiled);
    this.newest = re2Pattern;
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value as string;
      this.release(this.cache.get(oldest)!);
      this.cache.delete(oldest);
      this.evictions++;
    }
    return compiled;
  }
}

function isWasmAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'RuntimeError' || /^abort\(/.test(err.message));
}

let shared: Re2Matcher | undefined;

/** One matcher per process: every preview shares its cache and the one wasm heap. */
export function sharedMatcher(): Re2Matcher {
  shared ??= new Re2Matcher();
  return shared;
}
