/**
 * The filters file written by `export` (and the editor's Export to File…): the live state of some integrations, so
 * that `plan` right after shows no changes. Filters keep their live order and spelling; exists/notexists filters are
 * written without `values`, exactly as the plan reads them back.
 */
import type { JsonObject } from '../../common/json';
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
  return `${HEADER.join('\n')}\n${JSON.stringify({ integrations: entries }, null, 2)}\n`;
}
