/**
 * Attribute keys the attribute-key step suggests, each with an example value: the keys of the events the latest
 * preview read (this session), then the keys in the schemas of the integration's topics
 * (`availabletopics?expand=schema`, read once per session; a 403 just means no schema keys). Suggestions never hold
 * the step up for long or fail it: whatever is not ready in time, or fails, is left out (and logged).
 */
import * as vscode from 'vscode';
import { describeError } from '../../errors';
import { displayValue } from '../../../filters/preview/describe';
import { schemaKeys } from '../../../filters/preview/keyPaths';
import { topicMatches } from '../../../filters/preview/topicStage';
import { readEventBridgeProperties } from '../../../filters/topics';
import type { GenesysClient } from '../../../genesys/client';
import { loadedEventKeys } from '../../preview/loadedEventKeys';
import { topicSchemas } from '../../orgTopics';
import type { PickItem } from '../../wizard/prompter';

/** How long the key picker may show busy for schema keys before it lists what it has. */
const SCHEMA_WAIT_MS = 3_000;
const MAX_EVENT_KEYS = 200;
const MAX_SCHEMA_KEYS = 300;

export async function keySuggestions(
  client: GenesysClient,
  integrationId: string,
  exclude: ReadonlySet<string>,
  log: vscode.LogOutputChannel,
  signal: AbortSignal,
): Promise<PickItem<string>[]> {
  const fromEvents = eventKeyItems(exclude);
  const listed = new Set([...exclude, ...fromEvents.map((item) => item.value)]);
  const fromSchemas = await withinTime(schemaKeyItems(client, integrationId, listed, signal), SCHEMA_WAIT_MS).catch(
    (err: unknown) => {
      if (!signal.aborted) log.warn(`No attribute keys from the topic schemas: ${describeError(err).message}`);
      return [];
    },
  );
  return [...fromEvents, ...(fromSchemas ?? [])];
}

function eventKeyItems(exclude: ReadonlySet<string>): PickItem<string>[] {
  const loaded = loadedEventKeys();
  if (!loaded) return [];
  const group = vscode.l10n.t('Keys in {0}', loaded.label);
  return loaded.keys
    .filter((k) => !exclude.has(k.key))
    .slice(0, MAX_EVENT_KEYS)
    .map((k) => ({
      label: k.key,
      description: vscode.l10n.t('e.g. {0}', displayValue(k.example)),
      detail: vscode.l10n.t('in {0} of {1} events', k.events, loaded.events),
      icon: 'symbol-field',
      group,
      value: k.key,
    }));
}

async function schemaKeyItems(
  client: GenesysClient,
  integrationId: string,
  exclude: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<PickItem<string>[]> {
  const [config, schemas] = await Promise.all([
    client.getIntegrationConfig(integrationId, signal),
    topicSchemas(client),
  ]);
  if (!schemas) return []; // this OAuth client may not read the catalogue (403)
  const entries = readEventBridgeProperties(config).eventFilter;
  // An empty topic filter sends every topic, so every schema applies.
  const topics = schemas.filter(
    (s) => entries.length === 0 || entries.some((e) => topicMatches(e, s.id) || topicMatches(s.id, e)),
  );
  const group = vscode.l10n.t("Keys in the schemas of the integration's topics");
  return schemaKeys(topics)
    .filter((k) => !exclude.has(k.key))
    .slice(0, MAX_SCHEMA_KEYS)
    .map((k) => ({
      label: k.key,
      description: k.example !== undefined ? vscode.l10n.t('e.g. {0}', displayValue(k.example)) : (k.type ?? undefined),
      detail:
        k.topics.length === 1
          ? vscode.l10n.t('{0} in {1}', k.type ?? vscode.l10n.t('a value'), k.topics[0])
          : vscode.l10n.t('{0} in {1} topics', k.type ?? vscode.l10n.t('a value'), k.topics.length),
      icon: 'symbol-key',
      group,
      value: k.key,
    }));
}

/** The promise's value, or undefined when it is not there in `ms` (it keeps running: the catalogue stays cached). */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
