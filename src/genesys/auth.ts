import { GenesysError, cancelledError } from './errors';
import { HttpTransport } from './http';
import { errorFromResponse, parseErrorBody, RequestContext } from './responseErrors';

interface CachedToken {
  value: string;
  /** Time (ms since epoch) after which we stop using it and fetch a new one. */
  refreshAt: number;
}

/** Refresh ahead of expiry by 10 % of the lifetime, at most 60 s, so a token never expires mid-request. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.1);
}

const TOKEN_CONTEXT: RequestContext = {
  action: 'sign in (OAuth client credentials)',
  resource: 'The OAuth token endpoint',
};

/**
 * OAuth client-credentials tokens for one client: cached in memory, refreshed before expiry,
 * and fetched by one request however many callers ask at once (single flight).
 */
export class TokenProvider {
  // A true private field: the secret must not show up when a client object is logged or inspected.
  readonly #clientSecret: string;
  private cached?: CachedToken;
  private pending?: Promise<CachedToken>;

  constructor(
    private readonly transport: HttpTransport,
    private readonly tokenUrl: string,
    readonly clientId: string,
    clientSecret: string,
    private readonly now: () => number,
    /** Ends the shared token request when the client is disposed (no single caller may cancel it). */
    private readonly lifetime?: AbortSignal,
  ) {
    this.#clientSecret = clientSecret;
  }

  /** A valid access token, from the cache when it is still fresh. */
  async getToken(signal?: AbortSignal): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return cached.value;
    return (await this.shared(signal)).value;
  }

  /** Drops the cache and gets a new token (joins a request already in flight, which is new anyway). */
  async refresh(signal?: AbortSignal): Promise<string> {
    this.cached = undefined;
    return (await this.shared(signal)).value;
  }

  /** Forgets `token` after the API rejected it, unless a newer token has replaced it already. */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }

  private shared(signal?: AbortSignal): Promise<CachedToken> {
    // Checked before starting a request that nobody would wait for.
    if (signal?.aborted) return Promise.reject(cancelledError(signal.reason));
    if (!this.pending) {
      // The shared request does not listen to any one caller's signal: one caller cancelling
      // must not fail the others. Each caller stops waiting on its own signal instead.
      this.pending = this.fetchToken()
        .then((token) => {
          this.cached = token;
          return token;
        })
        .finally(() => {
          this.pending = undefined;
        });
      // If every caller has stopped waiting, a failure here must not become an unhandled rejection.
      this.pending.catch(() => undefined);
    }
    return raceSignal(this.pending, signal);
  }

  private async fetchToken(): Promise<CachedToken> {
    // Plain base64 of id:secret, as the official SDKs send it (no form-encoding of the parts first).
    const basic = Buffer.from(`${this.clientId}:${this.#clientSecret}`, 'utf8').toString('base64');
    // The client-credentials grant has no side effects, so the transport may resend it on 429/5xx.
    const res = await this.transport.send({
      method: 'POST',
      url: this.tokenUrl,
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      signal: this.lifetime,
      context: TOKEN_CONTEXT,
    });
    if (res.status >= 200 && res.status < 300) return this.readToken(res.text, res.correlationId);
    throw this.redact(this.tokenError(res));
  }

  private readToken(text: string, correlationId: string | undefined): CachedToken {
    let body: { access_token?: unknown; expires_in?: unknown } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    const value = body?.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new GenesysError(
        'server',
        'The OAuth token endpoint answered without an access_token; check that the environment points at Genesys Cloud.',
        { correlationId },
      );
    }
    const expiresIn = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    const lifetimeMs = expiresIn * 1000;
    return { value, refreshAt: this.now() + lifetimeMs - refreshMarginMs(lifetimeMs) };
  }

  private tokenError(res: { status: number; text: string; correlationId?: string }): GenesysError {
    const body = parseErrorBody(res.text);
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      const reason = [body.code, body.message].filter(Boolean).join(': ') || `HTTP ${res.status}`;
      return new GenesysError(
        'authentication',
        `Genesys Cloud rejected the OAuth client '${this.clientId}' (${reason}). ` +
          'Check the client id and secret, and that the OAuth client uses the Client Credentials grant.',
        {
          status: res.status,
          code: body.code,
          contextId: body.contextId,
          correlationId: res.correlationId,
          saysNextStep: true,
        },
      );
    }
    if (res.status === 404) {
      return new GenesysError(
        'configuration',
        `There is no OAuth token endpoint at ${this.tokenUrl} (404). Check the environment/region.`,
        {
          status: 404,
          correlationId: res.correlationId,
        },
      );
    }
    return errorFromResponse(res, TOKEN_CONTEXT);
  }

  /** Belt and braces: an error body that echoed the secret back must not carry it further. */
  private redact(err: GenesysError): GenesysError {
    if (this.#clientSecret.length >= 4 && err.message.includes(this.#clientSecret)) {
      err.message = err.message.split(this.#clientSecret).join('***');
    }
    return err;
  }
}

/** Resolves like `promise`, or rejects with a cancellation as soon as `signal` aborts. */
function raceSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
