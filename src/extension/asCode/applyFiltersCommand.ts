/**
 * `genesysCloud.applyFilters` (the Apply CodeLens): plans the entry against a fresh read, then writes what differs
 * through the same steps as every write of the extension — the topic filter with writeTopicEdit (config diff, confirm,
 * versioned write, Undo), the attribute filters with writeDocumentEdit (document diff, confirm, a re-read and rebase
 * before the PUT, Undo). The file's CodeLens and diagnostics then read the org again.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import {
  documentEditOf,
  filterEditsOn,
  undoFilterEdits,
  type IntegrationPlan,
} from '../../filters/asCode/planIntegration';
import type { FilterEdit } from '../../filters/attributeFilters';
import type { CommandContext } from '../commands/commandContext';
import { writeDocumentEdit, type DocumentWriteOutcome } from '../flows/review/writeDocumentEdit';
import { announceTopicWrite } from '../flows/topics/announceTopicWrite';
import { writeTopicEdit, type TopicWriteOutcome } from '../flows/topics/writeTopicEdit';
import { planEntry } from './entryPlans';
import { fileEntryOf } from './fileEntry';
import { displayName } from './filtersFiles';
import { requirePlan } from './planFiltersCommand';

export interface ApplyCommandResult {
  integrationId: string;
  topics?: TopicWriteOutcome;
  filters?: DocumentWriteOutcome['status'];
}

export function applyFiltersCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<ApplyCommandResult | undefined> => {
    const { document, entry } = await fileEntryOf(ctx, arg, vscode.l10n.t('Apply'));
    await ctx.services.requireSession();
    const plan = requirePlan(await planEntry(ctx.host.asCode.load().org, entry, true));
    const { integration } = plan;
    const file = displayName(document.uri);
    if (!plan.changed) {
      void ctx.prompter().notify({
        id: 'unchanged',
        severity: 'info',
        message: vscode.l10n.t('"{0}" already matches {1}; nothing was written.', integration.name, file),
        actions: [],
      });
      return { integrationId: integration.id };
    }
    const result: ApplyCommandResult = { integrationId: integration.id };
    try {
      if (plan.topicEdit.add.length + plan.topicEdit.remove.length > 0) {
        const base = plan.config!.before;
        result.topics = await writeTopicEdit(ctx, {
          integrationId: integration.id,
          name: integration.name,
          base,
          edit: plan.topicEdit,
        });
        announceTopicWrite(ctx, result.topics);
      }
      if (plan.filterEdits.length > 0) {
        const outcome = await writeFilters(ctx, plan, file, plan.filterEdits, plan.document!.before);
        result.filters = outcome.status;
        announceFilters(ctx, plan, file, outcome);
      }
    } finally {
      // Whatever was written (even before a cancel), the lenses and diagnostics must not show the old org.
      ctx.host.asCode.load().org.forget(integration.id);
    }
    return result;
  };
}

function writeFilters(
  ctx: CommandContext,
  plan: IntegrationPlan,
  file: string,
  edits: readonly FilterEdit[],
  base: JsonObject | undefined,
  undo = false,
): Promise<DocumentWriteOutcome> {
  const { integration } = plan;
  const removes = edits.some((e) => e.kind === 'remove');
  return writeDocumentEdit(ctx, {
    integrationId: integration.id,
    base,
    edit: undo ? filterEditsOn(edits) : documentEditOf(plan),
    progressTitle: undo
      ? vscode.l10n.t('Undoing the attribute filters of {0}', integration.name)
      : vscode.l10n.t('Applying the attribute filters of {0} from {1}', integration.name, file),
    diffName: vscode.l10n.t('{0} attribute filters', integration.name),
    diffTitle: (rebased) =>
      rebased
        ? vscode.l10n.t('{0}: attribute filters (before ↔ after, rebased on the latest version)', integration.name)
        : vscode.l10n.t('{0}: attribute filters (before ↔ after)', integration.name),
    confirm: {
      message: undo
        ? vscode.l10n.t('Undo the attribute filter changes of {0}?', integration.name)
        : vscode.l10n.t('Apply the attribute filters of {0} from {1}?', integration.name, file),
      detail: (_before, rebased) => {
        const what = plan.subscriptions
          .map((s) =>
            vscode.l10n.t(
              '{0}: {1} added, {2} changed, {3} removed',
              s.name,
              s.add.length,
              s.change.length,
              s.remove.length,
            ),
          )
          .join('\n');
        const note = rebased
          ? vscode.l10n.t(
              'Someone else changed this integration after the diff was shown. The diff now shows the changes applied to their version — nothing of theirs is overwritten.',
            )
          : vscode.l10n.t('The diff editor shows the whole EventBridge document before and after.');
        return `${undo ? '' : `${what}\n\n`}${note}`;
      },
      confirmLabel: undo ? vscode.l10n.t('Undo') : vscode.l10n.t('Apply'),
      severity: removes ? 'warning' : 'info',
    },
  });
}

/** The message after the attribute filters were written, with Undo through the same write (diff, confirm, rebase). */
function announceFilters(
  ctx: CommandContext,
  plan: IntegrationPlan,
  file: string,
  outcome: DocumentWriteOutcome,
  isUndo = false,
): void {
  const name = plan.integration.name;
  if (outcome.status === 'unchanged') {
    const message = vscode.l10n.t(
      'The attribute filters of {0} already matched {1} (someone made the same change); nothing was written.',
      name,
      file,
    );
    void ctx.prompter().notify({ id: 'unchanged', severity: 'info', message, actions: [] });
    return;
  }
  const rebased = outcome.rebased ? vscode.l10n.t(" They were applied on top of someone else's newer change.") : '';
  const message = isUndo
    ? vscode.l10n.t('Undone: the attribute filters of {0} are restored.', name)
    : vscode.l10n.t('Applied the attribute filters of {0} from {1}.', name, file) + rebased;
  const undoLabel = vscode.l10n.t('Undo');
  ctx.background(vscode.l10n.t('undo the attribute filter changes'), async () => {
    const id = isUndo ? 'filtersUndone' : 'filtersWritten';
    const choice = await ctx.prompter().notify({ id, severity: 'info', message, actions: isUndo ? [] : [undoLabel] });
    if (choice !== undoLabel || isUndo) return;
    const undo = undoFilterEdits(outcome.before, plan.filterEdits);
    const undone = await writeFilters(ctx, plan, file, undo, undefined, true);
    ctx.host.asCode.load().org.forget(plan.integration.id);
    announceFilters(ctx, plan, file, undone, true);
  });
}
