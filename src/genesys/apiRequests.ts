/**
 * Authorized JSON requests to /api/v2: a bearer token from the token provider, one fresh token and one resend
 * on a 401, the caller's signal linked with the client's lifetime, and the body read as a JSON object. Endpoint
 * modules (integrations, notifications…) call `object()`; they never touch tokens or the transport.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';
import type { TokenProvider } from './auth';
import { GenesysError } from './errors';
import type { HttpMethod, HttpResponse, HttpTransport } from './http';
import { unexpectedShape } from './integrations';
import { parseJsonBody } from './jsonBodies';
import { errorFromResponse, type RequestContext } from './responseErrors';

export class ApiRequests {
  private closed = false;

  constructor(
    private readonly transport: HttpTransport,
    private readonly auth: TokenProvider,
    private readonly apiBase: string,
    /**
     * Aborted by close(): cancels every request and retry wait still running, including a shared token request
     * that no caller waits for any more (the token provider listens to it too; otherwise closing the dispatcher
     * would wait for it, and a CLI interrupted during sign-in would hang until the token endpoint answered).
     */
    private readonly lifetime: AbortController,
  ) {}

  /**
   * Sends `body` (JSON) and returns the answer as a JSON object. An empty answer (204) is `fallback` when one is
   * given (a PUT's server may echo nothing), else an unexpected shape, like any answer that is not an object.
   */
  async object(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    options: { body?: unknown; signal?: AbortSignal; fallback?: JsonObject } = {},
  ): Promise<JsonObject> {
    const text = options.body === undefined ? undefined : JSON.stringify(options.body);
    const res = await this.send(method, path, ctx, text, options.signal);
    const parsed = parseJsonBody(res, method, path);
    if (parsed === undefined && options.fallback) return options.fallback;
    if (!isJsonObject(parsed)) throw unexpectedShape(`${method} ${path}`, res.correlationId);
    return parsed;
  }

  /**
   * Any JSON answer (undefined when empty). `idempotent: false` (creating a channel) is resent only after a 429:
   * a resent POST whose first copy was acted on would create a second resource.
   */
  async json(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    options: { body?: JsonValue; signal?: AbortSignal; idempotent?: boolean } = {},
  ): Promise<JsonValue | undefined> {
    const text = options.body === undefined ? undefined : JSON.stringify(options.body);
    const res = await this.send(method, path, ctx, text, options.signal, options.idempotent);
    return parseJsonBody(res, method, path);
  }

  /** From now on every request is a cancellation, and those in flight are aborted. */
  close(): void {
    this.closed = true;
    this.lifetime.abort();
  }

  /** A request after sign-out or a profile switch is a cancellation, not a network failure. */
  assertOpen(): void {
    if (this.closed) {
      throw new GenesysError('cancelled', 'The Genesys Cloud client was closed (signed out or switched profile).');
    }
  }

  private async send(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    body: string | undefined,
    callerSignal?: AbortSignal,
    idempotent = true,
  ): Promise<HttpResponse> {
    // The caller's signal or close(), whichever comes first.
    const link = linkSignals(callerSignal, this.lifetime.signal);
    try {
      return await this.sendAuthorized(method, path, ctx, body, link.signal, idempotent);
    } finally {
      link.unlink();
    }
  }

  /** Sends with a bearer token; a 401 gets exactly one fresh token and one resend. */
  private async sendAuthorized(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    body: string | undefined,
    signal: AbortSignal,
    idempotent: boolean,
  ): Promise<HttpResponse> {
    const send = (token: string) =>
      this.transport.send({
        method,
        url: this.apiBase + path,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        signal,
        context: ctx,
        idempotent,
      });
    this.assertOpen();
    let token = await this.auth.getToken(signal);
    let res = await send(token);
    if (res.status === 401) {
      this.auth.invalidate(token);
      token = await this.auth.getToken(signal);
      res = await send(token);
    }
    if (res.status >= 200 && res.status < 300) return res;
    throw errorFromResponse(res, ctx, { attempts: res.attempts });
  }
}

/**
 * A signal that aborts when any of `signals` does, detached again by unlink(). Not AbortSignal.any: Node
 * versions without the fix for nodejs/node#55351 keep a reference from a long-lived source signal (here the
 * client's lifetime) to every signal derived from it, and a client makes requests for a whole session.
 */
function linkSignals(...signals: Array<AbortSignal | undefined>): { signal: AbortSignal; unlink: () => void } {
  const controller = new AbortController();
  const links: Array<[AbortSignal, () => void]> = [];
  for (const source of signals) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = (): void => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    links.push([source, onAbort]);
  }
  return {
    signal: controller.signal,
    unlink: () => {
      for (const [source, onAbort] of links) source.removeEventListener('abort', onAbort);
    },
  };
}
