import { setTimeout as delay } from 'node:timers/promises';
import { cancelledError } from './errors';

/** Statuses that mean "try again later" on an idempotent request. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export const MAX_ATTEMPTS = 5;
/** Total time spent waiting between attempts of one request. */
export const MAX_TOTAL_WAIT_MS = 60_000;
const BASE_BACKOFF_MS = 1_000;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** A connection the server (or a middlebox) closed under us: safe to resend an idempotent request. */
export function isConnectionReset(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return true;
    if (typeof message === 'string' && /other side closed|socket hang up/i.test(message)) return true;
  }
  return false;
}

/**
 * Retry-After as milliseconds: delta seconds ("120") or an HTTP date. Undefined when absent or unreadable.
 * (The official gc CLI reads it as milliseconds; it is seconds per RFC 9110.)
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Exponential backoff from 1 s with full jitter: a uniform wait in [0, 1 s · 2^(retry-1)). */
export function backoffMs(retryNumber: number, random: () => number): number {
  const ceiling = BASE_BACKOFF_MS * 2 ** Math.max(0, retryNumber - 1);
  return Math.floor(random() * ceiling);
}

/** Waits ms, or rejects with a 'cancelled' GenesysError as soon as the signal aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw cancelledError(signal.reason);
  try {
    await delay(ms, undefined, { signal });
  } catch (err) {
    throw cancelledError(err);
  }
}
