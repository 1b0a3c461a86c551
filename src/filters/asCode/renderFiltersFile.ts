/**
 * The filters file written by `export` (and the editor's Export to File…): the live state of some integrations, so
 * that `plan` right after shows no changes. Filters keep their live order and spelling; exists/notexists filters are
 * written without `values`, exactly as the plan reads them back.
 */
import type { JsonObject, JsonValue } from '../../common/json';
import { isMatchType, listSubscriptions } from '../attributeFilters';
import { readEventBridgeProperties } from '../topics';
import { FILTERS_FILE_NAME } from './filtersFile';

export interface ExportedIntegration {
  id: string;
  name: string;
  config: JsonObject;
  /** Undefined where the subscription-filter endpoint is not available: then `subscriptions` is left out (unmanaged). */
  document?: JsonObject;
}

const HEADER = [
  `// ${FILTERS_FILE_NAME}: the wanted topic and attribute filters of Genesys Cloud EventBridge integrations.`,
  '// Only what is written here is managed: an integration, "topicFilters" or "subscriptions" left out is left alone.',
  '// `eventbridge-filter plan` shows what `eventbridge-filter apply` would change. Comments are allowed.',
];

export function renderFiltersFile(integrations: readonly ExportedIntegration[]): string {
  const entries = integrations.map((integration) => {
    const entry: JsonObject = {
      id: integration.id,
      name: integration.name,
      topicFilters: readEventBridgeProperties(integration.config).eventFilter,
    };
    if (integration.document) {
      entry.subscriptions = listSubscriptions(integration.document).map((subscription) => ({
        name: subscription.name,
        filters: subscription.filters.map((filter): JsonObject => {
          const written: JsonObject = { key: filter.key, matchType: filter.matchType };
          // Kept as the server has them when it has any; `values` is left out only where there is nothing to say.
          const noValues =
            isMatchType(filter.matchType) && (filter.matchType === 'exists' || filter.matchType === 'notexists');
          if (!noValues || filter.values.length > 0) written.values = filter.values;
          return written;
        }),
      }));
    }
    return entry;
  });
  return `${HEADER.join('\n')}\n${formatJson({ integrations: entries }, '')}\n`;
}

/** Lines stay under this: a filter or a short list reads best on one line, a long one gets a line per item. */
const LINE_WIDTH = 120;

/**
 * JSON.stringify's two-space layout, except that a list of strings or an object of plain values that fits on one line
 * is written on one line (`{ "key": "…", "matchType": "regex", "values": ["^Premium"] }`), so the file reads as a list
 * of filters rather than a column of brackets.
 */
export function formatJson(value: JsonValue, indent: string): string {
  const inline = inlineJson(value);
  if (inline !== undefined && indent.length + inline.length <= LINE_WIDTH) return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** One-line JSON for plain values, lists of plain values and objects of those; undefined for anything deeper. */
function inlineJson(value: JsonValue): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const plain = (v: JsonValue) => v === null || typeof v !== 'object';
  if (Array.isArray(value)) {
    return value.every(plain) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : undefined;
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const text = Array.isArray(v) && v.every(plain) ? inlineJson(v) : plain(v) ? JSON.stringify(v) : undefined;
    if (text === undefined) return undefined;
    parts.push(`${JSON.stringify(k)}: ${text}`);
  }
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}
