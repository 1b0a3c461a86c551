/** What went wrong, in terms a caller can act on (each kind maps to one CLI exit code and one UI message). */
export type GenesysErrorKind =
  | 'authentication'
  | 'permission'
  | 'notFound'
  | 'invalidRequest'
  | 'conflict'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'configuration';

export interface GenesysErrorDetails {
  status?: number;
  code?: string;
  contextId?: string;
  correlationId?: string;
  retryAfterMs?: number;
  attempts?: number;
  /** 403: the permission the OAuth client's role lacks (named by the server, else the one the request needs). */
  permission?: string;
  /**
   * 404 from the subscription-filter endpoint (`/api/v2/integrations/eventbridge/{id}`) for an integration that
   * exists: this org does not offer attribute filters for it (every real org today); topic filters still work.
   */
  subscriptionFiltersUnavailable?: boolean;
  /** The integration the failed request was about, when the error is a fact about it (e.g. the one above). */
  integrationId?: string;
  /**
   * True when the message already ends with what the user can do about it ("Check the client id and secret…"), so a
   * face that adds its own next step (the extension's notifications) does not say it twice.
   */
  saysNextStep?: boolean;
  cause?: unknown;
}

/**
 * The one error type of the Genesys client. Messages are written for the user and never contain
 * tokens or client secrets; the server's own `message` is part of the text, `code`/`contextId` are fields.
 */
export class GenesysError extends Error {
  /** Marker checked by isGenesysError: survives two bundled copies of this module, unlike instanceof. */
  readonly isGenesysError = true as const;
  kind: GenesysErrorKind;
  // Same names as GenesysErrorDetails on purpose: declared here, every instance owns these fields (undefined
  // when not given); merging the interface into the class instead would drop that and hide them from readers.
  status?: number;
  code?: string;
  contextId?: string;
  correlationId?: string;
  retryAfterMs?: number;
  attempts?: number;
  permission?: string;
  subscriptionFiltersUnavailable?: boolean;
  integrationId?: string;
  saysNextStep?: boolean;

  constructor(kind: GenesysErrorKind, message: string, details: GenesysErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GenesysError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.contextId !== undefined) this.contextId = details.contextId;
    if (details.correlationId !== undefined) this.correlationId = details.correlationId;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.attempts !== undefined) this.attempts = details.attempts;
    if (details.permission !== undefined) this.permission = details.permission;
    if (details.subscriptionFiltersUnavailable) this.subscriptionFiltersUnavailable = true;
    if (details.integrationId !== undefined) this.integrationId = details.integrationId;
    if (details.saysNextStep) this.saysNextStep = true;
  }
}

export function isGenesysError(e: unknown): e is GenesysError {
  return typeof e === 'object' && e !== null && (e as { isGenesysError?: unknown }).isGenesysError === true;
}

/** True for a cancelled GenesysError and for a plain AbortError (e.g. from an aborted signal). */
export function isCancellation(e: unknown): boolean {
  if (isGenesysError(e)) return e.kind === 'cancelled';
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export function cancelledError(cause?: unknown): GenesysError {
  return new GenesysError('cancelled', 'The request to Genesys Cloud was cancelled.', { cause });
}
