import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';
import { GenesysError, isGenesysError } from './errors';
import { HttpResponse } from './http';
import { RequestContext } from './responseErrors';

/** Paths, request contexts and body checks of the endpoints GenesysClient calls. */

const PAGE_SIZE = 100;

export const VIEW = 'integrations:integration:view';
export const EDIT = 'integrations:integration:edit';

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

export function isConfigVersionConflict(err: unknown): err is GenesysError {
  return (
    isGenesysError(err) && (err.status === 409 || err.status === 408 || (err.status === 400 && err.kind === 'conflict'))
  );
}

export function integrationsPath(pageNumber: number): string {
  return `/api/v2/integrations?pageSize=${PAGE_SIZE}&pageNumber=${pageNumber}`;
}

export function configPath(id: string): string {
  return `/api/v2/integrations/${encodeId(id)}/config/current`;
}

export function encodeId(id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new GenesysError('invalidRequest', 'The integration id is empty.');
  }
  const trimmed = id.trim();
  // encodeURIComponent leaves dots alone and URL parsing resolves "." and ".." (even as %2E) as path
  // segments: ".." would turn PUT /integrations/eventbridge/.. into PUT /integrations/.
  if (trimmed === '.' || trimmed === '..') {
    throw new GenesysError('invalidRequest', `"${trimmed}" is not an integration id.`);
  }
  return encodeURIComponent(trimmed);
}

export function configContext(id: string, action: string, permission: string): RequestContext {
  return { action: `${action} integration '${id}'`, resource: `Integration '${id}'`, permission };
}

export function eventBridgeContext(id: string, action: string, permission: string): RequestContext {
  return {
    action: `${action} integration '${id}'`,
    resource: `The EventBridge document of integration '${id}'`,
    permission,
  };
}

export function requireObject(value: JsonObject, what: string): JsonObject {
  if (!isJsonObject(value)) throw new GenesysError('invalidRequest', `The ${what} to write must be a JSON object.`);
  return value;
}

export function positiveOr(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new GenesysError('configuration', `${name} must be a positive number of milliseconds (got ${value}).`);
  }
  return value;
}
