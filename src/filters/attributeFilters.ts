import type { JsonObject, JsonValue } from '../common/json';
import { validateAttributeKey, validateFilterValues } from './attributeKey';
import { arrayMember, objectMember } from './jsonAccess';
import { deepCopy, isJsonObject, stringsOf } from '../common/json';

/*
 * Edits on the Go tutorial's EventBridge document (GET|PUT /api/v2/integrations/eventbridge/{id}):
 *   { id, awsAccount, awsRegion, roleArn, subscriptions: [ { name, events, filterCriteria: { attributes: [ { key, matchType, values } ] } } ] }
 * The document stays plain JSON and is edited in place on a deep copy, so every field we do not model
 * (at any level) and the property order survive the GET → edit → PUT round trip.
 *
 * `values` for exists/notexists: when an existing attribute is replaced, its `values` key is kept as `[]`
 * if it had one (the document's own style) and left out if it had none; a new exists/notexists attribute is
 * written without `values`, because there is nothing to send and the tutorial's contract lists no default.
 */

export type MatchType = 'regex' | 'exact' | 'exists' | 'notexists';
export const MATCH_TYPES: readonly MatchType[] = ['regex', 'exact', 'exists', 'notexists'];

export interface AttributeFilterView {
  key: string;
  matchType: string;
  values: string[];
}
export interface SubscriptionView {
  name: string;
  events: string[];
  filters: AttributeFilterView[];
}
export interface SetFilterEdit {
  kind: 'set';
  subscription: string;
  key: string;
  matchType: MatchType;
  values: string[];
  /**
   * Only from {@link undoEditFor}: the attribute exactly as it was (fields this tool does not model included)
   * and its index, so undoing a remove puts back what was removed, where it was. Ignored when an attribute
   * with the key exists (then only matchType and values change, as for any set).
   */
  restore?: { attribute: JsonObject; index: number };
}
export interface RemoveFilterEdit {
  kind: 'remove';
  subscription: string;
  key: string;
}
export type FilterEdit = SetFilterEdit | RemoveFilterEdit;

export type FilterEditErrorCode =
  'subscriptionNotFound' | 'filterNotFound' | 'invalidDocument' | 'invalidKey' | 'invalidValues';

export class FilterEditError extends Error {
  /** Subscription names (subscriptionNotFound) or attribute keys (filterNotFound) that do exist. */
  readonly available?: string[];
  constructor(
    readonly code: FilterEditErrorCode,
    message: string,
    available?: string[],
  ) {
    super(message);
    this.name = 'FilterEditError';
    if (available) this.available = available;
  }
}

export function isMatchType(value: string): value is MatchType {
  return (MATCH_TYPES as readonly string[]).includes(value);
}

/** A read-only view of the subscriptions and their attribute filters; malformed entries are skipped, not fatal. */
export function listSubscriptions(doc: JsonObject): SubscriptionView[] {
  const subscriptions = doc.subscriptions;
  if (!Array.isArray(subscriptions)) return [];
  return subscriptions.filter(isJsonObject).map((sub) => ({
    name: typeof sub.name === 'string' ? sub.name : '',
    events: stringsOf(sub.events),
    filters: attributesOf(sub)
      .filter(isJsonObject)
      .map((attr) => ({
        key: typeof attr.key === 'string' ? attr.key : '',
        matchType: typeof attr.matchType === 'string' ? attr.matchType : '',
        values: stringsOf(attr.values),
      })),
  }));
}

/** Applies one edit to a deep copy of `doc`; the input is never mutated. Throws {@link FilterEditError}. */
export function applyFilterEdit(doc: JsonObject, edit: FilterEdit): JsonObject {
  const keyProblem = validateAttributeKey(edit.key);
  if (keyProblem) throw new FilterEditError('invalidKey', `Invalid attribute key "${edit.key}": ${keyProblem}.`);
  if (edit.kind === 'set') {
    if (!isMatchType(edit.matchType)) {
      throw new FilterEditError(
        'invalidValues',
        `Unknown match type "${String(edit.matchType)}"; use one of ${MATCH_TYPES.join(', ')}.`,
      );
    }
    const valuesProblem = validateFilterValues(edit.matchType, edit.values);
    if (valuesProblem) {
      throw new FilterEditError('invalidValues', `Invalid values for "${edit.key}": ${valuesProblem}.`);
    }
  }

  const copy = deepCopy(doc);
  const subscription = findSubscription(copy, edit.subscription);
  if (edit.kind === 'set') setAttribute(subscription, edit);
  else removeAttribute(subscription, edit);
  return copy;
}

/**
 * The edit that puts the attribute `edit` touches back into the state it has in `snapshot`
 * (the document before `edit` was applied): a set with the old match type and values, or a remove
 * when the attribute did not exist. Unknown fields of a replaced attribute are never lost by `set`, so
 * restoring match type and values restores it fully; a removed attribute comes back whole, at its old index
 * (the set carries it in `restore`).
 */
export function undoEditFor(snapshot: JsonObject, edit: FilterEdit): FilterEdit {
  const subscription = findSubscription(snapshot, edit.subscription);
  const attributes = attributesOf(subscription);
  const index = attributes.findIndex((a) => isJsonObject(a) && a.key === edit.key);
  const previous = index === -1 ? undefined : attributes[index];
  if (!isJsonObject(previous)) return { kind: 'remove', subscription: edit.subscription, key: edit.key };
  const matchType = typeof previous.matchType === 'string' ? previous.matchType : '';
  if (!isMatchType(matchType)) {
    throw new FilterEditError(
      'invalidDocument',
      `Cannot undo: the previous filter on "${edit.key}" has match type "${matchType}", which this tool cannot write.`,
    );
  }
  const undo: SetFilterEdit = {
    kind: 'set',
    subscription: edit.subscription,
    key: edit.key,
    matchType,
    values: stringsOf(previous.values),
  };
  // After a set the attribute is still there (with its unknown fields); after a remove it must come back whole.
  if (edit.kind === 'remove') undo.restore = { attribute: deepCopy(previous), index };
  return undo;
}

function findSubscription(doc: JsonObject, name: string): JsonObject {
  const subscriptions = doc.subscriptions;
  if (subscriptions !== undefined && !Array.isArray(subscriptions)) {
    throw new FilterEditError(
      'invalidDocument',
      'The integration document has a "subscriptions" member that is not a list.',
    );
  }
  const all = (subscriptions ?? []).filter(isJsonObject);
  const found = all.find((s) => s.name === name);
  if (!found) {
    const available = all.map((s) => s.name).filter((n): n is string => typeof n === 'string');
    throw new FilterEditError('subscriptionNotFound', `Subscription "${name}" not found.`, available);
  }
  return found;
}

function attributesOf(subscription: JsonObject): JsonValue[] {
  const criteria = subscription.filterCriteria;
  if (!isJsonObject(criteria)) return [];
  return Array.isArray(criteria.attributes) ? criteria.attributes : [];
}

function setAttribute(subscription: JsonObject, edit: SetFilterEdit): void {
  const criteria = objectMember(subscription, 'filterCriteria');
  if (!criteria) {
    throw new FilterEditError(
      'invalidDocument',
      `Subscription "${edit.subscription}" has a "filterCriteria" member that is not an object.`,
    );
  }
  const attributes = arrayMember(criteria, 'attributes');
  if (!attributes) {
    throw new FilterEditError(
      'invalidDocument',
      `Subscription "${edit.subscription}" has "filterCriteria.attributes" that is not a list.`,
    );
  }

  const existing = attributes.find((a): a is JsonObject => isJsonObject(a) && a.key === edit.key);
  const noValues = edit.matchType === 'exists' || edit.matchType === 'notexists';
  if (existing) {
    // Assigning existing keys keeps their position; unknown members of the attribute stay untouched.
    existing.matchType = edit.matchType;
    if (noValues && !('values' in existing)) return;
    existing.values = [...edit.values];
    return;
  }
  if (edit.restore) {
    const restored = deepCopy(edit.restore.attribute);
    restored.key = edit.key;
    restored.matchType = edit.matchType;
    if (!noValues || 'values' in restored) restored.values = [...edit.values];
    attributes.splice(Math.max(0, Math.min(edit.restore.index, attributes.length)), 0, restored);
    return;
  }
  const created: JsonObject = { key: edit.key, matchType: edit.matchType };
  if (!noValues) created.values = [...edit.values];
  attributes.push(created);
}

function removeAttribute(subscription: JsonObject, edit: RemoveFilterEdit): void {
  const attributes = attributesOf(subscription);
  const index = attributes.findIndex((a) => isJsonObject(a) && a.key === edit.key);
  if (index === -1) {
    const available = attributes
      .filter(isJsonObject)
      .map((a) => a.key)
      .filter((k): k is string => typeof k === 'string');
    throw new FilterEditError(
      'filterNotFound',
      `Subscription "${edit.subscription}" has no filter on "${edit.key}".`,
      available,
    );
  }
  // An emptied list stays as `attributes: []`: the server sent the container, so we send it back.
  attributes.splice(index, 1);
}
