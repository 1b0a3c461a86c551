/** Paths, request contexts and permissions of the integration endpoints GenesysClient calls. */
import { GenesysError } from './errors';
import type { RequestContext } from './responseErrors';

const PAGE_SIZE = 100;

export const VIEW = 'integrations:integration:view';
export const EDIT = 'integrations:integration:edit';

export function integrationsPath(pageNumber: number): string {
  return `/api/v2/integrations?pageSize=${PAGE_SIZE}&pageNumber=${pageNumber}`;
}

export function configPath(id: string): string {
  return `/api/v2/integrations/${encodeId(id)}/config/current`;
}

/** The subscription-filter endpoint of the tutorial; not part of Genesys Cloud's public API (real orgs answer 404). */
export function eventBridgePath(id: string): string {
  return `/api/v2/integrations/eventbridge/${encodeId(id)}`;
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
