import { performance } from 'node:perf_hooks';
import { GenesysError, cancelledError, isGenesysError } from './errors';
import { RequestContext, errorFromResponse, statusText } from './responseErrors';
import {
  MAX_ATTEMPTS,
  MAX_TOTAL_WAIT_MS,
  backoffMs,
  isConnectionReset,
  isRetryableStatus,
  parseRetryAfter,
  sleep,
} from './retryPolicy';
import { currentRetryListeners } from './retryScope';
import type { RequestLogEntry, RetryNotice } from './retryNotice';
import type { HttpSender } from './sender';
import { readRateLimitHeaders, type PacePermit, type RateLimitPacer } from './rateLimitPacer';

export { describeRetryNotice, type RequestLogEntry, type RetryNotice } from './retryNotice';

/** Seams for tests: how to wait, where jitter comes from, what time it is. */
export interface TransportTiming {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const realTiming: TransportTiming = { sleep, random: Math.random, now: Date.now };

export interface TransportOptions {
  /** The HTTP stack, created on the first request (so creating a client loads none). */
  sender: () => HttpSender;
  requestTimeoutMs: number;
  onRequest?: (e: RequestLogEntry) => void;
  onRetry?: (n: RetryNotice) => void;
  timing: TransportTiming;
  /** Consulted before every attempt that carries an authorization, and told what each answer said. */
  pacer?: RateLimitPacer;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  context: RequestContext;
  /**
   * False for a request that must not happen twice (creating a notification channel): then only a 429 is retried,
   * the one answer that says the server did nothing. Default true.
   */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  text: string;
  contentType?: string;
  correlationId?: string;
  attempts: number;
}

type AttemptOutcome = { response: HttpResponse; retryAfter?: string } | { error: GenesysError; retryable: boolean };

/**
 * Sends one logical request: retries 429/502/503/504 and connection resets within
 * MAX_ATTEMPTS and MAX_TOTAL_WAIT_MS, and returns any other response (callers map 4xx).
 * Every request may be sent more than once unless it says `idempotent: false`.
 */
export class HttpTransport {
  constructor(private readonly opts: TransportOptions) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    const { timing } = this.opts;
    // Taken when the request starts: the scope of whoever asked for it (see retryScope.ts).
    const scopedListeners = currentRetryListeners();
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(req, attempt);
      let reason: string;
      let retryAfterMs: number | undefined;
      let giveUp: () => GenesysError;
      if ('response' in outcome) {
        const { response } = outcome;
        if (!isRetryableStatus(response.status)) return response;
        if (req.idempotent === false && response.status !== 429) return response;
        reason = statusText(response.status);
        retryAfterMs = parseRetryAfter(outcome.retryAfter, timing.now());
        giveUp = () => errorFromResponse(response, req.context, { attempts: attempt, retryAfterMs });
      } else {
        // A reset after sending may or may not have been acted on: never resent unless idempotent.
        if (!outcome.retryable || req.idempotent === false) throw outcome.error;
        const { error } = outcome;
        reason = error.code ? `connection reset (${error.code})` : 'connection reset';
        giveUp = () => {
          error.attempts = attempt;
          if (attempt > 1) error.message += ` Gave up after ${attempt} attempts.`;
          return error;
        };
      }

      const remaining = MAX_TOTAL_WAIT_MS - waitedMs;
      if (attempt >= MAX_ATTEMPTS || remaining <= 0) throw giveUp();
      // Waiting less than the server asked for only earns another 429: give up now and report its wait.
      if (retryAfterMs !== undefined && retryAfterMs > remaining) throw giveUp();
      const waitMs = retryAfterMs ?? Math.min(backoffMs(attempt, timing.random), remaining);
      const notice: RetryNotice = { attempt, maxAttempts: MAX_ATTEMPTS, waitMs, reason };
      notify(this.opts.onRetry, notice);
      for (const listener of scopedListeners) notify(listener, { ...notice });
      await timing.sleep(waitMs, req.signal);
      waitedMs += waitMs;
    }
  }

  private async attempt(req: HttpRequest, attempt: number): Promise<AttemptOutcome> {
    if (req.signal?.aborted) throw cancelledError(req.signal.reason);
    // Before the timeout starts: waiting for the rate-limit window is not the server being slow.
    const { pacer } = this.opts;
    const permit: PacePermit | undefined =
      pacer && req.headers.authorization ? await pacer.acquire(req.headers.authorization, req.signal) : undefined;
    const url = new URL(req.url);
    const path = url.pathname + url.search;
    const timeout = AbortSignal.timeout(this.opts.requestTimeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const started = performance.now();
    const log = (entry: Partial<RequestLogEntry>) =>
      notify(this.opts.onRequest, {
        method: req.method,
        path,
        ms: Math.round(performance.now() - started),
        attempt,
        ...entry,
      });

    try {
      const res = await this.opts
        .sender()
        .send(url, { method: req.method, headers: req.headers, body: req.body, signal });
      const { text } = res;
      const correlationId = header(res.headers, 'inin-correlation-id');
      if (permit) {
        const reading = readRateLimitHeaders((name) => header(res.headers, name));
        const retryAfterMs = parseRetryAfter(header(res.headers, 'retry-after'), this.opts.timing.now());
        pacer!.settle(permit, reading, res.statusCode, retryAfterMs);
      }
      log({ status: res.statusCode, correlationId });
      return {
        response: {
          status: res.statusCode,
          text,
          contentType: header(res.headers, 'content-type'),
          correlationId,
          attempts: attempt,
        },
        retryAfter: header(res.headers, 'retry-after'),
      };
    } catch (err) {
      if (permit) pacer!.settle(permit, undefined);
      const error = this.transportError(err, req, url, timeout);
      log({ error: error.message });
      if (error.kind === 'cancelled') throw error;
      return { error, retryable: isConnectionReset(err) };
    }
  }

  private transportError(err: unknown, req: HttpRequest, url: URL, timeout: AbortSignal): GenesysError {
    if (isGenesysError(err)) return err;
    if (req.signal?.aborted) return cancelledError(err);
    const code = errorCode(err);
    const ms = this.opts.requestTimeoutMs;
    const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
    if (timeout.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new GenesysError(
        'timeout',
        `Genesys Cloud (${url.host}) did not answer the request to ${req.context.action} within ${limit}.`,
        { cause: err, code },
      );
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new GenesysError(
        'timeout',
        `Could not connect to ${url.host} in time to ${req.context.action}. Check the network, proxy and environment.`,
        { cause: err, code, saysNextStep: true },
      );
    }
    if (isConnectionReset(err)) {
      return new GenesysError(
        'network',
        `The connection to ${url.host} was closed while trying to ${req.context.action}.`,
        { cause: err, code },
      );
    }
    const detail = code ?? (err instanceof Error ? err.message : String(err));
    return new GenesysError(
      'network',
      `Could not reach ${url.host} to ${req.context.action} (${detail}). Check the network, proxy and environment.`,
      { cause: err, code, saysNextStep: true },
    );
  }
}

/** A logging callback that throws must not turn a good request into a failed one. */
function notify<T>(observer: ((value: T) => void) | undefined, value: T): void {
  try {
    observer?.(value);
  } catch {
    // Deliberately ignored: observers are for logs and progress only.
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorCode(err: unknown): string | undefined {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
