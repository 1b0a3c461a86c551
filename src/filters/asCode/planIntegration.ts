/**
 * The plan for one integration: what `apply` would change to make the org match the file's entry, as the edits the
 * one write path of each document applies (`topicEditOn` for the config, a list of filter edits for the EventBridge
 * document). Because they are edits rather than finished documents, a change someone makes between plan and apply
 * is rebased on, never overwritten: the write path re-applies them to whatever it reads just before writing.
 *
 * - `topicFilters` is the wanted set: topics not in the file are removed, new ones appended in file order, the ones
 *   that stay keep their place (an order-only difference is no change).
 * - A subscription's `filters` is its wanted list, matched by key: an equal filter is left alone (with every field we
 *   do not model), a different one gets the file's match type and values in place, keys not in the file are removed,
 *   new keys appended. Subscriptions the file does not name are untouched; a named one must exist.
 */
import type { JsonObject } from '../../common/json';
import {
  applyFilterEdit,
  listSubscriptions,
  undoEditFor,
  type FilterEdit,
  type SetFilterEdit,
} from '../attributeFilters';
import { readEventBridgeProperties, topicEditOn, type TopicEdit } from '../topics';
import type { IntegrationEntry } from './filtersFile';
import type { IntegrationRef, PlanProblem } from './resolveEntries';

/** What was read from the org for an entry: the config when it manages topics, the document when it manages subscriptions. */
export interface LiveIntegration {
  config?: JsonObject;
  document?: JsonObject;
  /** The subscription-filter endpoint answered 404 for this existing integration (every real org today). */
  documentUnavailable?: boolean;
}

export interface SubscriptionChange {
  name: string;
  /** Attribute keys. */
  add: string[];
  remove: string[];
  change: string[];
}

export interface IntegrationPlan {
  entry: IntegrationEntry;
  integration: IntegrationRef;
  /** Empty lists when the topic filter is unmanaged or already as wanted. */
  topicEdit: TopicEdit;
  filterEdits: FilterEdit[];
  /** Only the subscriptions with changes, in file order. */
  subscriptions: SubscriptionChange[];
  /** Present when the entry manages topics: the config as read, and as apply would write it. */
  config?: { before: JsonObject; after: JsonObject };
  /** Present when the entry manages subscriptions. */
  document?: { before: JsonObject; after: JsonObject };
  changed: boolean;
}

export type PlanOutcome = { plan: IntegrationPlan } | { problems: PlanProblem[] };

export function planIntegration(
  entry: IntegrationEntry,
  integration: IntegrationRef,
  live: LiveIntegration,
): PlanOutcome {
  const plan: IntegrationPlan = {
    entry,
    integration,
    topicEdit: { add: [], remove: [] },
    filterEdits: [],
    subscriptions: [],
    changed: false,
  };
  const problems = liveProblems(entry, integration, live);
  if (problems.length > 0) return { problems };
  if (entry.topicFilters) {
    if (!live.config) throw new Error(`planIntegration needs the config of ${integration.id} to plan its topics.`);
    plan.topicEdit = topicEditFor(
      readEventBridgeProperties(live.config).eventFilter,
      entry.topicFilters.map((t) => t.value),
    );
    plan.config = { before: live.config, after: configEditOf(plan)(live.config) };
  }
  if (entry.subscriptions) {
    if (!live.document) throw new Error(`planIntegration needs the EventBridge document of ${integration.id}.`);
    const existing = listSubscriptions(live.document);
    for (const subscription of entry.subscriptions) {
      // liveProblems made sure every subscription named exists.
      const current = existing.find((s) => s.name === subscription.name.value)!;
      const change: SubscriptionChange = { name: current.name, add: [], remove: [], change: [] };
      const wantedKeys = new Set(subscription.filters.map((f) => f.key.value));
      const sets: SetFilterEdit[] = [];
      for (const filter of subscription.filters) {
        const live = current.filters.find((f) => f.key === filter.key.value);
        const edit: SetFilterEdit = {
          kind: 'set',
          subscription: current.name,
          key: filter.key.value,
          matchType: filter.matchType.value,
          values: filter.values.map((v) => v.value),
        };
        if (!live) change.add.push(edit.key);
        else if (!sameFilter(live, edit)) change.change.push(edit.key);
        else continue;
        sets.push(edit);
      }
      const removals = [...new Set(current.filters.map((f) => f.key))].filter((key) => !wantedKeys.has(key));
      change.remove.push(...removals);
      // Changes in place and removals first, then the new keys: they are appended in the file's order.
      const inPlace = sets.filter((e) => !change.add.includes(e.key));
      const appended = sets.filter((e) => change.add.includes(e.key));
      plan.filterEdits.push(
        ...inPlace,
        ...removals.map((key): FilterEdit => ({ kind: 'remove', subscription: current.name, key })),
        ...appended,
      );
      if (change.add.length + change.remove.length + change.change.length > 0) plan.subscriptions.push(change);
    }
    plan.document = { before: live.document, after: documentEditOf(plan)(live.document) };
  }
  plan.changed = plan.topicEdit.add.length + plan.topicEdit.remove.length + plan.filterEdits.length > 0;
  return { plan };
}

/**
 * What in the org keeps an entry from being planned: subscriptions it names that do not exist, or an org without the
 * subscription-filter endpoint. Apart from planning so that the editor can show these even while the entry has
 * problems of its own (an invalid topic, a bad pattern) that make its edits impossible to build.
 */
export function liveProblems(
  entry: IntegrationEntry,
  integration: IntegrationRef,
  live: LiveIntegration,
): PlanProblem[] {
  if (!entry.subscriptions) return [];
  if (live.documentUnavailable) {
    const span = entry.subscriptions[0]?.name.span ?? entry.span;
    return [
      {
        code: 'subscriptionFiltersUnavailable',
        message:
          `Attribute filters are not available for "${integration.name}" on this org (the subscription-filter ` +
          'endpoint answers 404): leave "subscriptions" out of this entry; "topicFilters" works on every org.',
        span,
      },
    ];
  }
  if (!live.document) throw new Error(`Checking ${integration.id} needs its EventBridge document.`);
  const existing = listSubscriptions(live.document).map((s) => s.name);
  return entry.subscriptions
    .filter((subscription) => !existing.includes(subscription.name.value))
    .map((subscription) => ({
      code: 'subscriptionNotFound' as const,
      message: `"${integration.name}" has no subscription "${subscription.name.value}" (subscriptions are not created from the file).`,
      span: subscription.name.span,
      available: { label: 'Subscriptions in this integration', items: existing },
    }));
}

/** The wanted set against the live list: what to add (file order) and to remove. Order alone is no change. */
export function topicEditFor(live: readonly string[], wanted: readonly string[]): TopicEdit {
  const liveSet = new Set(live);
  const wantedSet = new Set(wanted);
  return {
    add: [...wantedSet].filter((t) => !liveSet.has(t)),
    remove: [...liveSet].filter((t) => !wantedSet.has(t)),
  };
}

/** The config edit for the config's write path: only what is still to do on whatever config it reads. */
export function configEditOf(plan: IntegrationPlan): (config: JsonObject) => JsonObject {
  return topicEditOn(plan.topicEdit);
}

/**
 * The document edit for the EventBridge document's write path. On a newer document (someone wrote in between) each
 * filter edit already in effect is skipped — a key already removed, a filter already as wanted — so the result is
 * "their document plus our remaining changes", and no change at all when nothing remains.
 */
export function documentEditOf(plan: IntegrationPlan): (document: JsonObject) => JsonObject {
  return filterEditsOn(plan.filterEdits);
}

export function filterEditsOn(edits: readonly FilterEdit[]): (document: JsonObject) => JsonObject {
  return (document) => edits.reduce((doc, edit) => (inEffect(doc, edit) ? doc : applyFilterEdit(doc, edit)), document);
}

/**
 * The edits that take `before` back to itself after `edits` were applied to it (those already in effect skipped):
 * each edit's undo from the state just before it, in reverse order — so a removed filter returns whole, at its place.
 */
export function undoFilterEdits(before: JsonObject, edits: readonly FilterEdit[]): FilterEdit[] {
  const undos: FilterEdit[] = [];
  let state = before;
  for (const edit of edits) {
    if (inEffect(state, edit)) continue;
    undos.unshift(undoEditFor(state, edit));
    state = applyFilterEdit(state, edit);
  }
  return undos;
}

function inEffect(document: JsonObject, edit: FilterEdit): boolean {
  const live = listSubscriptions(document)
    .find((s) => s.name === edit.subscription)
    ?.filters.find((f) => f.key === edit.key);
  return edit.kind === 'remove' ? !live : live !== undefined && sameFilter(live, edit);
}

function sameFilter(live: { matchType: string; values: string[] }, wanted: SetFilterEdit): boolean {
  return (
    live.matchType === wanted.matchType &&
    live.values.length === wanted.values.length &&
    live.values.every((v, i) => v === wanted.values[i])
  );
}
