import { readFileSync } from 'node:fs';
import { isJsonObject, type JsonObject } from '../common/json';
import { validateFaultRule, type FaultRule } from './faults';

/**
 * Everything the emulator serves, as one JSON document (a data file has exactly this shape).
 * - `integrations`: the entities of GET /api/v2/integrations, served as stored (unknown fields kept).
 * - `eventBridgeDocuments`: the subscription-filter endpoint's document per integration id. An integration that is
 *   listed but has no document here answers 404 there, as every real org does today.
 * - `configs`: GET /api/v2/integrations/{id}/config/current per id; a missing one is generated
 *   (version 1, empty properties).
 * Both maps may be left out of a data file.
 * - `availableTopics`: the notifications catalogue; omitted = the built-in one.
 * - `faults`: fault rules active from the start (and again after every reset).
 */
export interface EmulatorOrgData {
  organization: JsonObject;
  integrations: JsonObject[];
  eventBridgeDocuments?: { [integrationId: string]: JsonObject };
  configs?: { [integrationId: string]: JsonObject };
  availableTopics?: JsonObject[];
  faults?: FaultRule[];
}

/** Reads and checks a data file; every problem names the file and the field. */
export function loadOrgDataFile(file: string): EmulatorOrgData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read data file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      cause: err,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`Data file ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const problem = validateOrgData(parsed);
  if (problem) throw new Error(`Data file ${file}: ${problem}`);
  return parsed as EmulatorOrgData;
}

/** Returns why a value is not usable org data, or undefined. */
export function validateOrgData(value: unknown): string | undefined {
  if (!isJsonObject(value)) return 'the org data must be a JSON object';
  const org = value.organization;
  if (!isJsonObject(org) || typeof org.id !== 'string' || org.id.length === 0) {
    return 'organization must be an object with a non-empty string id';
  }
  if (!Array.isArray(value.integrations)) return 'integrations must be an array';
  const ids = new Set<string>();
  for (const [i, entity] of value.integrations.entries()) {
    if (!isJsonObject(entity)) return `integrations[${i}] must be an object`;
    if (typeof entity.id !== 'string' || entity.id.length === 0) {
      return `integrations[${i}].id must be a non-empty string`;
    }
    if (ids.has(entity.id)) return `integrations[${i}].id ${entity.id} appears twice`;
    ids.add(entity.id);
    if (typeof entity.name !== 'string') return `integrations[${i}].name must be a string`;
    if (!isJsonObject(entity.integrationType) || typeof entity.integrationType.id !== 'string') {
      return `integrations[${i}].integrationType.id must be a string`;
    }
  }
  for (const field of ['eventBridgeDocuments', 'configs'] as const) {
    const map = value[field];
    if (map === undefined) continue;
    if (!isJsonObject(map)) return `${field} must be an object keyed by integration id`;
    for (const [id, doc] of Object.entries(map)) {
      if (!isJsonObject(doc)) return `${field}["${id}"] must be an object`;
    }
  }
  if (isJsonObject(value.configs)) {
    for (const [id, config] of Object.entries(value.configs)) {
      if (!Number.isInteger((config as Record<string, unknown>).version)) {
        return `configs["${id}"].version must be an integer`;
      }
    }
  }
  if (value.availableTopics !== undefined) {
    if (!Array.isArray(value.availableTopics)) return 'availableTopics must be an array';
    for (const [i, topic] of value.availableTopics.entries()) {
      if (!isJsonObject(topic) || typeof topic.id !== 'string') {
        return `availableTopics[${i}] must be an object with a string id`;
      }
    }
  }
  if (value.faults !== undefined) {
    if (!Array.isArray(value.faults)) return 'faults must be an array of fault rules';
    for (const [i, rule] of value.faults.entries()) {
      const problem = validateFaultRule(rule);
      if (problem) return `faults[${i}]: ${problem}`;
    }
  }
  return undefined;
}
