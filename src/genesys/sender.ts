/**
 * The seam between HttpTransport (retries, timeouts, errors) and an HTTP stack. Two implement it: undici
 * (undiciSender.ts: proxies, MockAgent in tests, the extension) and Node's own http/https (nodeSender.ts: the
 * CLI's direct connections, which would otherwise pay for loading undici on every run). Both are reached only
 * through a lazy edge (see common/lazy.ts), so constructing a client loads neither.
 */
export interface SenderRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request (caller's cancellation or the transport's timeout). */
  signal: AbortSignal;
}

export interface SenderResponse {
  statusCode: number;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  /** The whole body, read as UTF-8. */
  text: string;
}

export interface HttpSender {
  send(url: URL, req: SenderRequest): Promise<SenderResponse>;
  /** Closes the connections this sender opened (not a dispatcher it was given). */
  close(): Promise<void>;
}

/** Errors a sender throws for a connect timeout carry this code (undici's name for it). */
export const CONNECT_TIMEOUT_CODE = 'UND_ERR_CONNECT_TIMEOUT';
