/**
 * Owns the RE2 worker thread: starts it lazily, sends one compile at a time with a time budget, and
 * replaces it after a timeout or a wasm abort. Queued requests whose caller aborted are never compiled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerMemoryStats, WorkerReply, WorkerRequest } from './protocol';

export type CompileOutcome =
  | { kind: 'ok' }
  | { kind: 'error'; text: string }
  /** `timedOut`: the budget ran out, which also depends on how busy the machine was — not a property of the pattern. */
  | { kind: 'tooComplex'; reason: string; timedOut?: boolean };

export interface CompileWorkerOptions {
  /** Budget for one compile, in ms. */
  timeoutMs: number;
  /** Explicit worker script (tests); otherwise found next to this file. */
  workerPath?: string;
}

export interface CompileWorkerStats {
  restarts: number;
  compiles: number;
  memory?: WorkerMemoryStats;
}

interface Job {
  request: WorkerRequest;
  resolve(reply: WorkerReply | CompileOutcome): void;
  reject(err: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
  settled: boolean;
  postedAt?: number;
}

/** An in-flight compile aborted after this long is cut short by replacing the worker. */
const ABANDON_AFTER_MS = 100;
const STARTUP_TIMEOUT_MS = 20_000;

export function abortError(): Error {
  return new DOMException('The operation was aborted', 'AbortError');
}

/** The bundle puts dist/regexWorker.js beside dist/extension.js and dist/cli.js; tsc puts worker.js beside this file. */
export function resolveWorkerPath(): string {
  const candidates = [path.join(__dirname, 'regexWorker.js'), path.join(__dirname, 'worker.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`regex worker script not found (looked for ${candidates.join(', ')})`);
  return found;
}

export class CompileWorker {
  private worker?: Worker;
  private ready = false;
  private readonly queue: Job[] = [];
  private current?: Job;
  private timer?: NodeJS.Timeout;
  private nextId = 1;
  private disposed = false;
  private restarts = 0;
  private compiles = 0;

  constructor(private readonly options: CompileWorkerOptions) {}

  compile(pattern: string, signal?: AbortSignal): Promise<CompileOutcome> {
    return this.enqueue({ type: 'compile', id: this.nextId++, pattern }, signal) as Promise<CompileOutcome>;
  }

  async stats(): Promise<CompileWorkerStats> {
    const reply = await this.enqueue({ type: 'stats', id: this.nextId++ });
    const memory = 'type' in reply && reply.type === 'stats' ? reply.stats : undefined;
    return { restarts: this.restarts, compiles: this.compiles, memory };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const pending = [...this.queue, ...(this.current ? [this.current] : [])];
    this.queue.length = 0;
    this.current = undefined;
    for (const job of pending) this.settle(job, () => job.reject(new Error('regex validator was disposed')));
    await this.stopWorker();
  }

  private enqueue(request: WorkerRequest, signal?: AbortSignal): Promise<WorkerReply | CompileOutcome> {
    if (this.disposed) return Promise.reject(new Error('regex validator was disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const job: Job = { request, resolve, reject, signal, settled: false };
      if (signal) {
        job.onAbort = () => this.abandon(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  private settle(job: Job, action: () => void): void {
    if (job.settled) return;
    job.settled = true;
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    action();
  }

  private abandon(job: Job): void {
    this.settle(job, () => job.reject(abortError()));
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
    } else if (job === this.current && Date.now() - (job.postedAt ?? Date.now()) > ABANDON_AFTER_MS) {
      // Nobody waits for this slow compile any more; don't make the next request wait for it.
      this.finishCurrent();
      void this.restart();
    }
  }

  private pump(): void {
    if (this.current || this.queue.length === 0 || this.disposed) {
      if (!this.current && this.queue.length === 0) this.worker?.unref();
      return;
    }
    const worker = this.ensureWorker();
    worker.ref(); // keep a CLI process alive while it waits for an answer
    if (!this.ready) return; // 'ready' calls pump again
    const job = this.queue.shift() as Job;
    this.current = job;
    job.postedAt = Date.now();
    this.timer = setTimeout(() => this.onTimeout(job), this.options.timeoutMs);
    worker.postMessage(job.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerPath ?? resolveWorkerPath(), {
      // The wasm heap is fixed at 16 MiB; this bounds the JS side of a misbehaving worker too.
      resourceLimits: { maxOldGenerationSizeMb: 64 },
      // Emscripten prints its OOM abort text to stderr; the abort is reported as "too complex" instead.
      stderr: true,
      stdout: true,
    });
    worker.stderr.resume();
    worker.stdout.resume();
    this.worker = worker;
    this.ready = false;
    const startup = setTimeout(
      () => this.failStartup(worker, 'the regex worker did not start in time'),
      STARTUP_TIMEOUT_MS,
    );
    worker.on('message', (reply: WorkerReply) => {
      if (worker !== this.worker) return;
      if (reply.type === 'ready') {
        clearTimeout(startup);
        this.ready = true;
        this.pump();
      } else if (reply.type === 'loadFailed') {
        clearTimeout(startup);
        this.failStartup(worker, `re2-wasm could not be loaded: ${reply.message}`);
      } else {
        this.onReply(reply);
      }
    });
    const onDeath = (reason: string): void => {
      clearTimeout(startup);
      if (worker !== this.worker) return; // a worker we replaced on purpose
      this.worker = undefined;
      if (!this.ready) return this.failStartup(worker, reason);
      const job = this.current;
      if (job) {
        this.finishCurrent();
        this.settle(job, () => job.resolve({ kind: 'tooComplex', reason: 'the regex engine aborted' }));
      }
      this.restarts++;
      this.pump();
    };
    worker.on('error', (err) => onDeath(`the regex worker failed: ${err.message}`));
    worker.on('exit', (code) => onDeath(`the regex worker exited with code ${code}`));
    return worker;
  }

  private failStartup(worker: Worker, reason: string): void {
    if (worker === this.worker) this.worker = undefined;
    void worker.terminate();
    const failed = [...this.queue];
    this.queue.length = 0;
    for (const job of failed) this.settle(job, () => job.reject(new Error(reason)));
  }

  private onReply(reply: WorkerReply): void {
    const job = this.current;
    // Replies for anything but the request in flight are stale (e.g. after an abandoned compile).
    if (!job || !('id' in reply) || reply.id !== job.request.id) return;
    this.finishCurrent();
    if (reply.type === 'crashed') {
      this.settle(job, () => job.resolve({ kind: 'tooComplex', reason: 'the regex engine ran out of memory' }));
      void this.restart();
      return;
    }
    if (reply.type === 'compiled') {
      this.compiles++;
      this.settle(job, () => job.resolve(reply.ok ? { kind: 'ok' } : { kind: 'error', text: reply.error }));
    } else {
      this.settle(job, () => job.resolve(reply));
    }
    this.pump();
  }

  private onTimeout(job: Job): void {
    if (job !== this.current) return;
    this.finishCurrent();
    const seconds = (this.options.timeoutMs / 1000).toLocaleString('en-US');
    this.settle(job, () =>
      job.resolve({ kind: 'tooComplex', reason: `compiling took longer than ${seconds} s`, timedOut: true }),
    );
    void this.restart();
  }

  private finishCurrent(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current = undefined;
  }

  private async restart(): Promise<void> {
    this.restarts++;
    const stopping = this.stopWorker();
    this.pump(); // starts a fresh worker if requests are waiting
    await stopping;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    if (worker) await worker.terminate();
  }
}
