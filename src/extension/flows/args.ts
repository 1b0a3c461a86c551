/**
 * Commands are invoked from the palette (no argument), from tree rows (nodes exposing plain
 * `integrationId`, `subscriptionName`, `attributeKey`, `topic` fields) and from keybindings/tasks
 * (an args object with the same names plus `matchType` and `values`). All three read the same way.
 */
import * as vscode from 'vscode';
import { isMatchType, MATCH_TYPES, type MatchType } from '../../filters/attributeFilters';

export interface FlowArgs {
  integrationId?: string;
  subscriptionName?: string;
  attributeKey?: string;
  matchType?: MatchType;
  values?: string[];
  /** Topic rows and topic commands; `topics` allows several in one keybinding. */
  topics?: string[];
}

/** A malformed args object (keybinding, task): the message says which field and what is expected. */
export class FlowArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowArgumentError';
  }
}

export function readFlowArgs(arg: unknown): FlowArgs {
  if (arg === undefined || arg === null) return {};
  if (typeof arg !== 'object' || Array.isArray(arg)) {
    throw new FlowArgumentError(
      vscode.l10n.t(
        'Command arguments must be an object such as {0}, got {1}.',
        '{"integrationId":"…"}',
        describe(arg),
      ),
    );
  }
  const source = arg as Record<string, unknown>;
  const args: FlowArgs = {};
  const integrationId = optionalString(source, 'integrationId');
  const subscriptionName = optionalString(source, 'subscriptionName');
  const attributeKey = optionalString(source, 'attributeKey');
  if (integrationId) args.integrationId = integrationId;
  if (subscriptionName) args.subscriptionName = subscriptionName;
  if (attributeKey) args.attributeKey = attributeKey;
  const matchType = optionalString(source, 'matchType');
  if (matchType !== undefined) {
    if (!isMatchType(matchType)) {
      throw new FlowArgumentError(
        vscode.l10n.t('"{0}" must be one of {1}, got "{2}".', 'matchType', MATCH_TYPES.join(', '), matchType),
      );
    }
    args.matchType = matchType;
  }
  const values = optionalStrings(source, 'values');
  if (values) args.values = values;
  const topics = [...(optionalStrings(source, 'topic') ?? []), ...(optionalStrings(source, 'topics') ?? [])];
  if (topics.length > 0) args.topics = topics;
  return args;
}

function optionalString(source: Record<string, unknown>, name: string): string | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new FlowArgumentError(vscode.l10n.t('"{0}" must be a string, got {1}.', name, describe(value)));
  }
  return value;
}

/** A single string is accepted where a list is expected: `"values": "Premium"` is what people type in keybindings. */
function optionalStrings(source: Record<string, unknown>, name: string): string[] | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new FlowArgumentError(
    vscode.l10n.t('"{0}" must be a string or a list of strings, got {1}.', name, describe(value)),
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return vscode.l10n.t('a list');
  // JavaScript's own words for the type, as in a keybinding's JSON.
  return value === null ? 'null' : typeof value;
}
