import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';
import { GenesysError } from './errors';

/** integrationType.id of Genesys Cloud's Amazon EventBridge source integration. */
export const EVENTBRIDGE_TYPE_ID = 'amazon-eventbridge-source';

export interface IntegrationSummary {
  id: string;
  name: string;
  intendedState?: string;
  /**
   * The platform's `reportedState`, flattened for display. On the wire `detail` is a MessageInfo object
   * (`{ localizableMessageCode, message, messageWithParams, messageParams }`); here it is that object's
   * human-readable text (`message`, else `messageWithParams`), or the string itself should a server send
   * one. `raw.reportedState` keeps the object exactly as sent.
   */
  reportedState?: { code?: string; effective?: string; detail?: string; lastUpdated?: string };
  /** The entity exactly as listed, for "show JSON" and for fields we do not model. */
  raw: JsonObject;
}

export interface IntegrationPage {
  entities: IntegrationSummary[];
  pageNumber: number;
  pageCount: number;
  total?: number;
}

export function unexpectedShape(what: string, correlationId?: string): GenesysError {
  return new GenesysError('server', `Genesys Cloud answered ${what} with a body of an unexpected shape.`, {
    correlationId,
  });
}

function optionalString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmptyString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function isEventBridgeIntegration(entity: JsonObject): boolean {
  const type = entity.integrationType;
  return isJsonObject(type) && type.id === EVENTBRIDGE_TYPE_ID;
}

export function toIntegrationSummary(entity: JsonObject): IntegrationSummary {
  const summary: IntegrationSummary = {
    // readIntegrationPage only passes entities whose id is a string.
    id: entity.id as string,
    name: optionalString(entity.name) ?? (entity.id as string),
    raw: entity,
  };
  const intended = optionalString(entity.intendedState);
  if (intended !== undefined) summary.intendedState = intended;
  const reported = entity.reportedState;
  if (isJsonObject(reported)) {
    summary.reportedState = {};
    const code = optionalString(reported.code);
    const effective = optionalString(reported.effective);
    const detail = isJsonObject(reported.detail)
      ? (nonEmptyString(reported.detail.message) ?? nonEmptyString(reported.detail.messageWithParams))
      : nonEmptyString(reported.detail);
    const lastUpdated = optionalString(reported.lastUpdated);
    if (code !== undefined) summary.reportedState.code = code;
    if (effective !== undefined) summary.reportedState.effective = effective;
    if (detail !== undefined) summary.reportedState.detail = detail;
    if (lastUpdated !== undefined) summary.reportedState.lastUpdated = lastUpdated;
  }
  return summary;
}

/** One page of GET /api/v2/integrations, keeping EventBridge integrations; nextUri for paging. */
export function readIntegrationPage(body: JsonObject, requestedPage: number): IntegrationPage & { nextUri?: string } {
  const entities = body.entities;
  if (!Array.isArray(entities)) throw unexpectedShape('the integrations list');
  const kept: IntegrationSummary[] = [];
  for (const entity of entities) {
    if (!isJsonObject(entity) || typeof entity.id !== 'string') throw unexpectedShape('the integrations list');
    if (isEventBridgeIntegration(entity)) kept.push(toIntegrationSummary(entity));
  }
  const page: IntegrationPage & { nextUri?: string } = {
    entities: kept,
    pageNumber: typeof body.pageNumber === 'number' ? body.pageNumber : requestedPage,
    pageCount: typeof body.pageCount === 'number' ? body.pageCount : requestedPage,
  };
  if (typeof body.total === 'number') page.total = body.total;
  if (typeof body.nextUri === 'string' && body.nextUri !== '') page.nextUri = body.nextUri;
  return page;
}
