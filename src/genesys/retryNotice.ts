import { formatSeconds } from '../common/text';

/** One line per HTTP attempt (token requests included); paths only, never headers or tokens. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status?: number;
  ms: number;
  correlationId?: string;
  attempt: number;
  error?: string;
}

export interface RetryNotice {
  attempt: number;
  maxAttempts: number;
  waitMs: number;
  /** e.g. "429 Too Many Requests" or "connection reset (ECONNRESET)". */
  reason: string;
}

/**
 * The one wording of a retry, for the CLI's stderr, the extension's log and its progress notifications:
 * "429 Too Many Requests: waiting 2 s before attempt 2 of 5" (`attempt` is the attempt that just failed).
 * Apart from http.ts so that log code can use it without loading an HTTP stack.
 */
export function describeRetryNotice(notice: RetryNotice): string {
  return `${notice.reason}: waiting ${formatSeconds(notice.waitMs)} before attempt ${notice.attempt + 1} of ${notice.maxAttempts}`;
}
