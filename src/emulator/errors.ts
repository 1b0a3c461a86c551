import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../common/json';

/**
 * Genesys Cloud's error body, as the platform sends it on every non-2xx /api/v2 response.
 * Each body gets a fresh contextId, like the real service (support uses it to find the request).
 */
export interface GenesysErrorBody extends JsonObject {
  status: number;
  code: string;
  message: string;
  messageWithParams: string;
  messageParams: JsonObject;
  contextId: string;
  details: JsonObject[];
  errors: JsonObject[];
}

/**
 * Builds an error body. `messageWithParams` is the template with `{name}` placeholders; the plain
 * `message` substitutes them, which is how Genesys pairs the two fields.
 */
export function genesysError(
  status: number,
  code: string,
  messageWithParams: string,
  messageParams: Record<string, string> = {},
): GenesysErrorBody {
  const message = messageWithParams.replace(/\{(\w+)\}/g, (whole, name: string) => messageParams[name] ?? whole);
  return { status, code, message, messageWithParams, messageParams, contextId: randomUUID(), details: [], errors: [] };
}

/** The body the platform sends for a status when a fault rule scripts one without a body of its own. */
export function defaultErrorForStatus(status: number, retryAfter?: number | string): GenesysErrorBody {
  switch (status) {
    case 400:
      return genesysError(
        400,
        'bad.request',
        'The request could not be understood by the server due to malformed syntax.',
      );
    case 401:
      return genesysError(401, 'bad.credentials', 'Invalid login credentials.');
    case 403:
      return genesysError(
        403,
        'missing.any.permissions',
        'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
        { permissions: '[integrations:integration:view]' },
      );
    case 404:
      return genesysError(404, 'not.found', 'The requested resource was not found.');
    case 408:
      return genesysError(408, 'request.timeout', 'The request timed out.');
    case 409:
      return genesysError(
        409,
        'conflict',
        'The request could not be completed due to a conflict with the current state of the resource.',
      );
    case 429:
      return genesysError(
        429,
        'too.many.requests',
        'Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds',
        { retryAfter: String(retryAfter ?? 60) },
      );
    case 500:
      return genesysError(
        500,
        'internal.server.error',
        'The server encountered an unexpected condition which prevented it from fulfilling the request.',
      );
    case 502:
      return genesysError(502, 'bad.gateway', 'The server received an invalid response from an upstream server.');
    case 503:
      return genesysError(
        503,
        'service.unavailable',
        'Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).',
      );
    case 504:
      return genesysError(504, 'gateway.timeout', 'The upstream server failed to respond in time.');
    default:
      return genesysError(status, `http.${status}`, `The emulator was scripted to answer {status}.`, {
        status: String(status),
      });
  }
}

/** The OAuth endpoint's own error shape (not the /api/v2 one): `{error, description, error_description}`. */
export function oauthError(error: string, description: string): JsonObject {
  return { error, description, error_description: description };
}
