/**
 * `genesysCloud.planFilters` (the Plan CodeLens): reads the org afresh and shows, in a diff editor, the documents of
 * the entry's integration as they are (left) and as Apply would write them (right). It only reads.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import type { IntegrationPlan } from '../../filters/asCode/planIntegration';
import type { CommandContext } from '../commands/commandContext';
import { showJsonDiff } from '../flows/documents/diffEditor';
import { FlowArgumentError } from '../flows/args';
import { describeChanges } from './filtersCodeLens';
import { planEntry, type EntryPlan } from './entryPlans';
import { fileEntryOf } from './fileEntry';
import { displayName } from './filtersFiles';

export interface PlanCommandResult {
  integrationId: string;
  name: string;
  changed: boolean;
  topicFilters: { add: string[]; remove: string[] };
  subscriptions: IntegrationPlan['subscriptions'];
}

export function planFiltersCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<PlanCommandResult> => {
    const { document, entry } = await fileEntryOf(ctx, arg, vscode.l10n.t('Plan'));
    await ctx.services.requireSession();
    const plan = requirePlan(await planEntry(ctx.host.asCode.load().org, entry, true));
    const { integration } = plan;
    const file = displayName(document.uri);
    if (plan.changed) {
      await showJsonDiff(
        ctx.documents,
        integration.id,
        `${integration.name} — ${file}`,
        documentsView(plan, 'before'),
        documentsView(plan, 'after'),
        vscode.l10n.t('{0}: the org ↔ {1} ({2})', integration.name, file, describeChanges(plan)),
      );
    } else {
      void ctx.prompter().notify({
        id: 'planUnchanged',
        severity: 'info',
        message: vscode.l10n.t('"{0}" already matches {1}: Apply would change nothing.', integration.name, file),
        actions: [],
      });
    }
    return {
      integrationId: integration.id,
      name: integration.name,
      changed: plan.changed,
      topicFilters: { add: plan.topicEdit.add, remove: plan.topicEdit.remove },
      subscriptions: plan.subscriptions,
    };
  };
}

/** The entry's plan, or an error naming why there is none (the diagnostics show the same problems in the file). */
export function requirePlan(result: EntryPlan): IntegrationPlan {
  if (result.kind === 'plan') return result.plan;
  if (result.kind === 'signedOut') throw new FlowArgumentError(vscode.l10n.t('Sign in to Genesys Cloud first.'));
  const [first, ...more] = result.problems;
  const available = first.available ? ` ${first.available.label}: ${first.available.items.join(', ') || '—'}.` : '';
  throw new FlowArgumentError(
    `${first.message}${available}${more.length ? vscode.l10n.t(' (and {0} more)', more.length) : ''}`,
  );
}

/** The parts the entry manages, side by side in one document: the config (topics) and the EventBridge document. */
function documentsView(plan: IntegrationPlan, side: 'before' | 'after'): JsonObject {
  const view: JsonObject = {};
  if (plan.config) view.config = plan.config[side];
  if (plan.document) view.eventBridgeDocument = plan.document[side];
  return view;
}
