/**
 * re2-wasm's low-level embind binding, shared by the worker and the in-process fast path. The exported `RE2` class
 * never frees its wasm object (the fixed 16 MiB heap runs out after ~8,200 compiles), so every object made here is
 * `.delete()`d.
 */
export interface WrappedRE2 {
  ok(): boolean;
  error(): string;
  delete(): void;
}
export interface Re2Binding {
  WrappedRE2: new (pattern: string, ignoreCase: boolean, multiline: boolean, dotAll: boolean) => WrappedRE2;
  HEAP8: Int8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
}

/** Loads the binding: compiles an 858 KB wasm module synchronously (≈ 20 ms), so only call it when needed. */
export function loadRe2Binding(): Re2Binding {
  return require('re2-wasm/build/wasm/re2') as Re2Binding;
}

/** RE2's verdict on a pattern: `undefined` when valid, else its error text. Throws when the wasm module aborts. */
export function re2CompileError(binding: Re2Binding, pattern: string): string | undefined {
  // Flags stay off: inline flags in the pattern are what the backend sees too.
  const compiled = new binding.WrappedRE2(pattern, false, false, false);
  try {
    return compiled.ok() ? undefined : compiled.error();
  } finally {
    compiled.delete();
  }
}
