/**
 * Retry notices for the requests one piece of work makes, not for the whole client.
 *
 * The client-wide `onRetry` option sees every retry of every caller (right for a log). A progress
 * notification must only show the waits of its own requests: a 429 on a tree load that happens to
 * run during a write is not the write's business. `withRetryListener(listener, fn)` tags every
 * request started inside `fn` (including across awaits, timers and promise chains started there) via
 * AsyncLocalStorage, and the transport hands those requests' notices to `listener` as well — without
 * any change to method signatures.
 *
 * A token request shared by several callers belongs to the caller that started it: its retries reach
 * that caller's scope only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RetryNotice } from './retryNotice';

export type RetryListener = (notice: RetryNotice) => void;

const scope = new AsyncLocalStorage<readonly RetryListener[]>();

/**
 * Runs `fn`; retry notices of requests started inside it also go to `listener`. Scopes nest: an inner
 * scope's requests notify the outer listeners too, since the outer work is waiting on them as well.
 */
export function withRetryListener<T>(listener: RetryListener, fn: () => T): T {
  if (typeof listener !== 'function') throw new TypeError('withRetryListener needs a listener function.');
  if (typeof fn !== 'function') throw new TypeError('withRetryListener needs a function to run.');
  return scope.run([...(scope.getStore() ?? []), listener], fn);
}

/** The listeners of the scope the caller runs in (outermost first); empty outside any scope. */
export function currentRetryListeners(): readonly RetryListener[] {
  return scope.getStore() ?? [];
}
