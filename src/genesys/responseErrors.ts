import { formatSeconds } from '../common/text';
import { STATUS_CODES } from 'node:http';
import { GenesysError, GenesysErrorKind } from './errors';

/** What a request was for, so failures can say it in the user's terms. */
export interface RequestContext {
  /** Verb phrase: "list integrations", "update the config of integration 'x'". */
  action: string;
  /** Names the thing for 404/409: "Integration 'x'". */
  resource?: string;
  /** The permission a 403 most likely lacks, e.g. integrations:integration:edit. */
  permission?: string;
  /** Replaces the generic permission hint when no single permission applies. */
  permissionHint?: string;
}

export interface ResponseLike {
  status: number;
  text: string;
  correlationId?: string;
}

/** The fields Genesys puts in its error bodies ({status, code, message, contextId, …}). */
export interface GenesysErrorBody {
  message?: string;
  code?: string;
  contextId?: string;
  /** A permission the body names (`domain:entity:action`), e.g. in a 403's "missing the following permission(s)". */
  permission?: string;
}

/** Genesys permissions are `domain:entity:action`; a 403 body names the missing ones in its message or params. */
const PERMISSION = /\b([a-z][a-zA-Z]*:[a-zA-Z]+:[a-zA-Z]+)\b/;

export function parseErrorBody(text: string): GenesysErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const body = parsed as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const message = str(body.message) ?? str(body.error_description) ?? str(body.description);
  const params: unknown[] =
    body.messageParams && typeof body.messageParams === 'object' ? Object.values(body.messageParams) : [];
  const named = [message, ...params].map((text) => (typeof text === 'string' ? PERMISSION.exec(text)?.[1] : undefined));
  return {
    message,
    code: str(body.code) ?? str(body.error),
    contextId: str(body.contextId),
    permission: named.find((p) => p !== undefined),
  };
}

export function statusText(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown Status'}`;
}

/** Genesys reports a stale config `version` as a 400 with this text (the Terraform provider matches it too). */
const VERSION_MISMATCH = /does not match the current version/i;

export function isVersionMismatch(status: number, message: string | undefined): boolean {
  return status === 409 || (status === 400 && message !== undefined && VERSION_MISMATCH.test(message));
}

export interface GiveUpInfo {
  attempts?: number;
  retryAfterMs?: number;
}

/** Maps a non-2xx response to the error the user sees. */
export function errorFromResponse(res: ResponseLike, ctx: RequestContext, info: GiveUpInfo = {}): GenesysError {
  const body = parseErrorBody(res.text);
  const { status } = res;
  const said = body.message ? `: ${body.message}` : '.';
  const label = body.code ? `${status} ${body.code}` : statusText(status);
  const resource = ctx.resource ?? 'The requested resource';
  const tries = info.attempts && info.attempts > 1 ? ` Gave up after ${info.attempts} attempts.` : '';

  let kind: GenesysErrorKind;
  let message: string;
  let permission: string | undefined;
  if (isVersionMismatch(status, body.message)) {
    kind = 'conflict';
    message = `${resource} was changed by someone else while trying to ${ctx.action} (${label})${said} Reload it and try again.`;
  } else if (status === 400 || status === 422 || status === 413) {
    kind = 'invalidRequest';
    message = `Genesys Cloud rejected the request to ${ctx.action} (${label})${said}`;
  } else if (status === 401) {
    kind = 'authentication';
    message =
      `Genesys Cloud did not accept the access token to ${ctx.action} (${label}). ` +
      'Check the OAuth client id and secret, and that the OAuth client uses the Client Credentials grant.';
  } else if (status === 403) {
    kind = 'permission';
    permission = body.permission ?? ctx.permission;
    const hint =
      ctx.permissionHint ??
      (permission
        ? `The OAuth client's role probably lacks the permission ${permission}.`
        : 'Check the roles granted to the OAuth client.');
    message = `Not allowed to ${ctx.action} (${label})${said} ${hint}`;
  } else if (status === 404) {
    kind = 'notFound';
    message = `${resource} was not found (${label})${said} Check the id and that the environment/region is the org's.`;
  } else if (status === 408) {
    kind = 'timeout';
    message = `Genesys Cloud timed out the request to ${ctx.action} (${label})${said}`;
  } else if (status === 429) {
    kind = 'rateLimited';
    const wait =
      info.retryAfterMs !== undefined
        ? `It asked to wait ${formatSeconds(info.retryAfterMs)}; try again after that.`
        : 'Wait a minute and try again.';
    message = `Genesys Cloud is rate-limiting requests to ${ctx.action} (${label}).${tries} ${wait}`;
  } else if (status >= 500) {
    kind = 'server';
    const wait = info.retryAfterMs !== undefined ? ` It asked to wait ${formatSeconds(info.retryAfterMs)}.` : '';
    message = `Genesys Cloud had a server error while trying to ${ctx.action} (${label})${said}${tries}${wait} Try again later.`;
  } else {
    kind = 'invalidRequest';
    message = `Genesys Cloud answered the request to ${ctx.action} with an unexpected status (${label})${said}`;
  }
  return new GenesysError(kind, message, {
    status,
    code: body.code,
    contextId: body.contextId,
    correlationId: res.correlationId,
    attempts: info.attempts,
    retryAfterMs: info.retryAfterMs,
    permission,
    // Only the kinds whose next step a face may add (see describeError in the extension) need to say they have one.
    saysNextStep: kind === 'authentication',
  });
}
