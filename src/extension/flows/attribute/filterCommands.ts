/** Apply Subscription Filter…, Edit Filter…, Remove Filter and their Undo. */
import * as vscode from 'vscode';
import { undoEditFor } from '../../../filters/attributeFilters';
import type { CommandContext } from '../../commands/commandContext';
import { isSubscriptionFiltersUnavailable } from '../../subscriptionFilterAvailability';
import { readFlowArgs } from '../args';
import { askFilterEdit, type FilterFlowMode } from './applyFilterFlow';
import { askFilterRemoval } from './removeFilterFlow';
import { writeFilterEdit, type FilterWriteOutcome } from './writeFilterEdit';

export function applyFilterCommand(ctx: CommandContext) {
  return (arg?: unknown) => runSetFlow(ctx, arg, 'apply');
}

export function editFilterCommand(ctx: CommandContext) {
  return (arg?: unknown) => runSetFlow(ctx, arg, 'edit');
}

async function runSetFlow(
  ctx: CommandContext,
  arg: unknown,
  mode: FilterFlowMode,
): Promise<FilterWriteOutcome | undefined> {
  const args = readFlowArgs(arg);
  const session = await ctx.services.requireSession();
  try {
    const { integrationId, document, edit } = await askFilterEdit(ctx, session, args, mode);
    const outcome = await writeFilterEdit(ctx, { integrationId, base: document, edit, verb: 'apply' });
    if (outcome.status === 'written') ctx.host.walkthrough.complete('applyFilter');
    announce(ctx, outcome);
    return outcome;
  } catch (err) {
    return offerTopicFilters(ctx, err);
  }
}

export function removeFilterCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<FilterWriteOutcome | undefined> => {
    const args = readFlowArgs(arg);
    const session = await ctx.services.requireSession();
    try {
      const { integrationId, document, edit } = await askFilterRemoval(ctx, session, args);
      const outcome = await writeFilterEdit(ctx, { integrationId, base: document, edit, verb: 'remove' });
      announce(ctx, outcome);
      return outcome;
    } catch (err) {
      return offerTopicFilters(ctx, err);
    }
  };
}

/**
 * The result message, with Undo for a write. Not awaited by the command: a notification waits for the user, and a
 * keybinding or test should not. Undo is computed from the document as it was just before this write and goes
 * through the same write path: a fresh read, the diff, the confirm, and a re-read before the PUT.
 */
function announce(ctx: CommandContext, outcome: FilterWriteOutcome, isUndo = false): void {
  const { edit } = outcome;
  if (outcome.status === 'unchanged') {
    const message = vscode.l10n.t(
      '{0} already has that filter on {1}; nothing was written.',
      edit.subscription,
      edit.key,
    );
    void ctx.prompter().notify({ id: 'unchanged', severity: 'info', message, actions: [] });
    return;
  }
  const what = isUndo
    ? vscode.l10n.t('Undone: the filter on {0} in {1} is restored.', edit.key, edit.subscription)
    : edit.kind === 'remove'
      ? vscode.l10n.t('Removed the filter on {0} from {1}.', edit.key, edit.subscription)
      : vscode.l10n.t('Applied {0} filter on {1} to {2}.', edit.matchType, edit.key, edit.subscription);
  const rebased = outcome.rebased ? vscode.l10n.t(" It was re-applied on top of someone else's newer change.") : '';
  const undoLabel = vscode.l10n.t('Undo');
  const actions = isUndo ? [] : [undoLabel];
  ctx.background(vscode.l10n.t('undo the filter change'), async () => {
    const id = isUndo ? 'undone' : 'written';
    const choice = await ctx.prompter().notify({ id, severity: 'info', message: what + rebased, actions });
    if (choice !== undoLabel) return;
    const undo = undoEditFor(outcome.before, edit);
    const result = await writeFilterEdit(ctx, { integrationId: outcome.integrationId, edit: undo, verb: 'undo' });
    announce(ctx, result, true);
  });
}

/** The subscription-filter endpoint is missing on this org: say so calmly and point at what does work. */
function offerTopicFilters(ctx: CommandContext, err: unknown): undefined {
  if (!isSubscriptionFiltersUnavailable(err)) throw err;
  const addTopic = vscode.l10n.t('Add Topic Filter…');
  const byRegex = vscode.l10n.t('Select Topics by Regex…');
  ctx.background(vscode.l10n.t('open the topic filters'), async () => {
    const choice = await ctx.prompter().notify({
      id: 'subscriptionFiltersUnavailable',
      severity: 'info',
      message: vscode.l10n.t(
        'Attribute filters are not available for this integration on this org (its subscription-filter endpoint answers 404). You can filter which topics it sends instead.',
      ),
      actions: [addTopic, byRegex],
    });
    const args = { integrationId: err.integrationId };
    if (choice === addTopic) await vscode.commands.executeCommand('genesysCloud.addTopicFilter', args);
    if (choice === byRegex) await vscode.commands.executeCommand('genesysCloud.selectTopicsByRegex', args);
  });
  return undefined;
}
