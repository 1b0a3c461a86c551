/** JSON bodies in both directions: what we send must be an object, what we get must parse. */
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';
import { GenesysError } from './errors';
import type { HttpResponse } from './http';

/** The body as JSON; undefined when it is empty (204). A body that is not JSON is a `server` error. */
export function parseJsonBody(res: HttpResponse, method: string, path: string): JsonValue | undefined {
  if (res.text.trim() === '') return undefined;
  try {
    return JSON.parse(res.text) as JsonValue;
  } catch {
    const type = res.contentType ? `, content-type ${res.contentType}` : '';
    throw new GenesysError(
      'server',
      `Genesys Cloud answered ${method} ${path} with a body that is not JSON (status ${res.status}${type}). ` +
        'A proxy or the wrong environment may be in the way.',
      { status: res.status, correlationId: res.correlationId },
    );
  }
}

export function requireObject(value: JsonObject, what: string): JsonObject {
  if (!isJsonObject(value)) throw new GenesysError('invalidRequest', `The ${what} to write must be a JSON object.`);
  return value;
}
