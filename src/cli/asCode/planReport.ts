/**
 * How a plan reads: per changed integration a summary line per part (topics, each subscription) and the unified diff
 * of each document it would write; failures with their place in the file; a closing count. And the `--json` shape
 * CI jobs read: `{changes: [{integrationId, name, topicFilters: {add, remove}, subscriptions: [{name, filters: {add,
 * remove, change}}]}], summary: {integrations, changed, unchanged}}` (plus `errors` only when some entry failed).
 */
import type { JsonObject } from '../../common/json';
import { plural } from '../../common/text';
import { entryLabel } from '../../filters/asCode/filtersFile';
import type { IntegrationPlan } from '../../filters/asCode/planIntegration';
import { formatDocument, unifiedDiff } from '../../filters/diff';
import type { EntryFailure, EntryOutcome } from './planFile';

export function planChangesJson(plan: IntegrationPlan): JsonObject {
  return {
    integrationId: plan.integration.id,
    name: plan.integration.name,
    topicFilters: { add: plan.topicEdit.add, remove: plan.topicEdit.remove },
    subscriptions: plan.subscriptions.map((s) => ({
      name: s.name,
      filters: { add: s.add, remove: s.remove, change: s.change },
    })),
  };
}

export function planJson(outcomes: readonly EntryOutcome[]): JsonObject {
  const planned = outcomes.filter((o) => o.plan);
  const changed = planned.filter((o) => o.plan!.changed);
  const result: JsonObject = {
    changes: changed.map((o) => planChangesJson(o.plan!)),
    summary: { integrations: outcomes.length, changed: changed.length, unchanged: planned.length - changed.length },
  };
  const failed = outcomes.filter((o) => o.failure);
  if (failed.length > 0) result.errors = failed.map((o) => failureJson(o, o.failure!));
  return result;
}

export function failureJson(outcome: EntryOutcome, failure: EntryFailure): JsonObject {
  const json: JsonObject = { entry: entryLabel(outcome.entry), exitCode: failure.exitCode, message: failure.message };
  if (outcome.integration) {
    Object.assign(json, { integrationId: outcome.integration.id, name: outcome.integration.name });
  }
  if (failure.where) json.where = failure.where;
  if (failure.available) json.available = failure.available.items;
  return json;
}

/** The readable plan: what would change, where each failure is, and the count. */
export function planText(outcomes: readonly EntryOutcome[]): string {
  const blocks: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.plan?.changed) blocks.push(describeChange(outcome.plan));
    else if (outcome.failure) blocks.push(describeFailure(outcome, outcome.failure));
  }
  blocks.push(summaryLine(outcomes));
  return blocks.join('\n\n');
}

function describeChange(plan: IntegrationPlan): string {
  const { integration, topicEdit } = plan;
  const lines = [`~ ${integration.name} (${integration.id})`];
  if (topicEdit.add.length + topicEdit.remove.length > 0) {
    lines.push(
      `    topic filters: ${[...topicEdit.add.map((t) => `+ ${t}`), ...topicEdit.remove.map((t) => `- ${t}`)].join(', ')}`,
    );
  }
  for (const s of plan.subscriptions) {
    const parts = [...s.add.map((k) => `+ ${k}`), ...s.change.map((k) => `~ ${k}`), ...s.remove.map((k) => `- ${k}`)];
    lines.push(`    subscription ${s.name}: ${parts.join(', ')}`);
  }
  const label = `integration ${integration.id}`;
  for (const [what, docs] of [
    ['config', plan.config],
    ['EventBridge document', plan.document],
  ] as const) {
    if (!docs) continue;
    const diff = unifiedDiff(
      formatDocument(docs.before),
      formatDocument(docs.after),
      `${label} ${what} (live)`,
      `${label} ${what} (file)`,
    );
    if (diff) lines.push(diff.trimEnd());
  }
  return lines.join('\n');
}

export function describeFailure(outcome: EntryOutcome, failure: EntryFailure): string {
  const lines = [`! ${entryLabel(outcome.entry)}: ${failure.where ? `${failure.where}: ` : ''}${failure.message}`];
  if (failure.available) {
    lines.push(
      `    ${failure.available.label}: ${failure.available.items.length ? failure.available.items.join(', ') : '(none)'}`,
    );
  }
  return lines.join('\n');
}

function summaryLine(outcomes: readonly EntryOutcome[]): string {
  const changed = outcomes.filter((o) => o.plan?.changed).length;
  const unchanged = outcomes.filter((o) => o.plan && !o.plan.changed).length;
  const failed = outcomes.filter((o) => o.failure).length;
  const parts = [`${plural(changed, 'integration')} to change`, `${unchanged.toLocaleString('en-US')} unchanged`];
  if (failed > 0) parts.push(`${failed.toLocaleString('en-US')} failed`);
  return changed === 0 && failed === 0
    ? `No changes: ${plural(unchanged, 'integration')} already match${unchanged === 1 ? 'es' : ''} the file.`
    : `Plan: ${parts.join(', ')}.`;
}
