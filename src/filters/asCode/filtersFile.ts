/**
 * Filters as code: the file `eventbridge-filters.json` (JSONC) that says which topic filters and attribute filters
 * some EventBridge integrations should have. These are the parsed shapes, with where each part sits in the text so
 * that every problem (CLI `FILE:LINE:COLUMN`, editor diagnostics) and every CodeLens points at the right place.
 *
 * Desired-state semantics: only what the file names is managed. An integration left out, a field left out of an entry
 * (`topicFilters`, `subscriptions`), a subscription left out of `subscriptions`: untouched.
 */
import type { MatchType } from '../attributeFilters';

/** The default file name, in the current folder (CLI) or anywhere in the workspace (editor). */
export const FILTERS_FILE_NAME = 'eventbridge-filters.json';

/** A stretch of the file's text: UTF-16 offset and length, as jsonc-parser and VS Code count. */
export interface Span {
  offset: number;
  length: number;
}

/** A string value and where its literal (quotes included) is. */
export interface Located<T> {
  value: T;
  span: Span;
}

export interface FilterEntry {
  key: Located<string>;
  matchType: Located<MatchType>;
  /** Empty when the file gives no `values` (exists/notexists). */
  values: Located<string>[];
  /** The whole `{ key, matchType, values }` object. */
  span: Span;
}

export interface SubscriptionEntry {
  name: Located<string>;
  filters: FilterEntry[];
  span: Span;
}

export interface IntegrationEntry {
  /** Position in the file's `integrations` list (0-based): how the editor's CodeLens names an entry. */
  index: number;
  /** With both id and name, the id decides and the name is checked against the org. */
  id?: Located<string>;
  name?: Located<string>;
  /** Undefined = the topic filter is not managed by the file. */
  topicFilters?: Located<string>[];
  /** Undefined = no subscription is managed by the file. */
  subscriptions?: SubscriptionEntry[];
  /** The entry's `{ … }`. */
  span: Span;
}

export interface FiltersFile {
  integrations: IntegrationEntry[];
}

/** How an entry is named in messages: its name, else its id. */
export function entryLabel(entry: IntegrationEntry): string {
  return entry.name?.value ?? entry.id?.value ?? `integrations[${entry.index}]`;
}
