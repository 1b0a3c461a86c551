/** Messages between the validator (main thread) and the RE2 worker. */

export type WorkerRequest = { type: 'compile'; id: number; pattern: string } | { type: 'stats'; id: number };

export interface WorkerMemoryStats {
  /** Size of the wasm heap; fixed at 16 MiB in re2-wasm (it cannot grow). */
  heapBytes: number;
  /** Address malloc hands out for a small block: it climbs when compiled objects are leaked. */
  mallocProbe: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'loadFailed'; message: string }
  | { type: 'compiled'; id: number; ok: true }
  | { type: 'compiled'; id: number; ok: false; error: string }
  /** The wasm module aborted (e.g. out of memory); the worker must be replaced. */
  | { type: 'crashed'; id: number; message: string }
  | { type: 'stats'; id: number; stats: WorkerMemoryStats };
