/**
 * Worker thread that owns the re2-wasm module (bundled as dist/regexWorker.js).
 *
 * It uses re2-wasm's low-level embind binding instead of the exported `RE2` class: that class never frees
 * its wasm object, and the fixed 16 MiB heap is exhausted after ~8,200 compiles. Every object created
 * here is `.delete()`d. A wasm abort is reported and the owner replaces this worker.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './protocol';
import { loadRe2Binding, re2CompileError, type Re2Binding } from './re2Binding';

const port = parentPort;
if (!port) throw new Error('regex worker must run in a worker thread');

const send = (reply: WorkerReply): void => port.postMessage(reply);

let binding: Re2Binding;
try {
  // Loaded only here, so the 858 KB wasm is compiled off the main thread and only when first needed.
  binding = loadRe2Binding();
  send({ type: 'ready' });
} catch (err) {
  send({ type: 'loadFailed', message: err instanceof Error ? err.message : String(err) });
}

function compile(id: number, pattern: string): WorkerReply {
  const error = re2CompileError(binding, pattern);
  return error === undefined ? { type: 'compiled', id, ok: true } : { type: 'compiled', id, ok: false, error };
}

function memoryStats(): WorkerReply & { type: 'stats' } {
  const probe = binding._malloc(16);
  binding._free(probe);
  return { type: 'stats', id: 0, stats: { heapBytes: binding.HEAP8.length, mallocProbe: probe } };
}

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'compile') send(compile(request.id, request.pattern));
    else send({ ...memoryStats(), id: request.id });
  } catch (err) {
    // RuntimeError: abort(…) — the module's state is unusable from here on.
    send({ type: 'crashed', id: request.id, message: err instanceof Error ? err.message : String(err) });
  }
});
