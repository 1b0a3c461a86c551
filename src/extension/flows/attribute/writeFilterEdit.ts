/**
 * Writes one attribute filter edit through the document write of the editor (writeDocumentEdit: diff, confirm,
 * progress, a re-read and rebase before the PUT), with the words of a filter edit.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import { applyFilterEdit, listSubscriptions, type FilterEdit } from '../../../filters/attributeFilters';
import type { CommandContext } from '../../commands/commandContext';
import { writeDocumentEdit } from '../review/writeDocumentEdit';
import { DraftPreviewAction } from './draftPreviewAction';

export interface FilterWriteRequest {
  integrationId: string;
  /** The document the user's choices were made on; without it (Undo) the write starts with a read. */
  base?: JsonObject;
  edit: FilterEdit;
  /** What the write does for the user: words the confirm, its button and the progress title. */
  verb: FilterWriteVerb;
}

export type FilterWriteVerb = 'apply' | 'remove' | 'undo';

export type FilterWriteOutcome =
  | {
      status: 'written';
      integrationId: string;
      edit: FilterEdit;
      before: JsonObject;
      after: JsonObject;
      rebased: boolean;
    }
  | { status: 'unchanged'; integrationId: string; edit: FilterEdit; before: JsonObject };

export async function writeFilterEdit(ctx: CommandContext, request: FilterWriteRequest): Promise<FilterWriteOutcome> {
  const { integrationId, edit, verb } = request;
  // Applying or editing a filter can be tried on events from the confirm; a removal or an undo has no draft.
  const draftPreview =
    edit.kind === 'set' && verb === 'apply' ? new DraftPreviewAction(ctx, integrationId, edit) : undefined;
  const words = verbWords(verb, edit);
  const outcome = await writeDocumentEdit(ctx, {
    integrationId,
    base: request.base,
    edit: (doc) => applyFilterEdit(doc, edit),
    progressTitle: words.progress,
    diffName: `${edit.subscription} ${edit.key}`,
    diffTitle: (rebased) =>
      rebased
        ? vscode.l10n.t('{0}: {1} (before ↔ after, rebased on the latest version)', edit.subscription, edit.key)
        : vscode.l10n.t('{0}: {1} (before ↔ after)', edit.subscription, edit.key),
    confirm: {
      message: words.question,
      detail: (before, rebased) => describeEdit(before, edit, rebased),
      confirmLabel: words.button,
      severity: edit.kind === 'remove' ? 'warning' : 'info',
    },
    review: draftPreview && {
      actions: (before) => [draftPreview.action(before)],
      note: (before) => draftPreview.note(before),
    },
  });
  if (outcome.status === 'unchanged') return { status: 'unchanged', integrationId, edit, before: outcome.before };
  const rebasedNote = outcome.rebased ? ' (rebased)' : '';
  ctx.services.log.info(
    `${verb} ${edit.kind} filter ${edit.subscription}/${edit.key} on integration ${integrationId}${rebasedNote}.`,
  );
  return { ...outcome, integrationId, edit };
}

/** The confirm's question and button and the progress title, for each verb. */
function verbWords(verb: FilterWriteVerb, edit: FilterEdit): { question: string; button: string; progress: string } {
  const { key, subscription } = edit;
  const removes = edit.kind === 'remove';
  switch (verb) {
    case 'apply':
      return {
        question: vscode.l10n.t('Apply filter to {0}?', subscription),
        button: vscode.l10n.t('Apply'),
        progress: vscode.l10n.t('Apply filter on {0} in {1}', key, subscription),
      };
    case 'remove':
      return {
        question: vscode.l10n.t('Remove filter from {0}?', subscription),
        button: vscode.l10n.t('Remove'),
        progress: vscode.l10n.t('Remove filter on {0} in {1}', key, subscription),
      };
    case 'undo':
      return {
        question: removes
          ? vscode.l10n.t('Undo filter from {0}?', subscription)
          : vscode.l10n.t('Undo filter to {0}?', subscription),
        button: vscode.l10n.t('Undo'),
        progress: vscode.l10n.t('Undo filter on {0} in {1}', key, subscription),
      };
  }
}

function describeEdit(snapshot: JsonObject, edit: FilterEdit, rebased: boolean): string {
  const previous = listSubscriptions(snapshot)
    .find((s) => s.name === edit.subscription)
    ?.filters.find((f) => f.key === edit.key);
  const state = (matchType: string, values: string[]) => `${matchType}${values.length ? ` ${values.join(', ')}` : ''}`;
  const was = previous
    ? vscode.l10n.t(' (was: {0})', state(previous.matchType, previous.values))
    : vscode.l10n.t(' (new filter)');
  const change =
    edit.kind === 'remove'
      ? previous
        ? vscode.l10n.t('Removes the filter {0} {1}.', edit.key, state(previous.matchType, previous.values))
        : vscode.l10n.t('Removes the filter {0}.', edit.key)
      : `${edit.key} → ${state(edit.matchType, edit.values)}${was}`;
  const note = rebased
    ? vscode.l10n.t(
        'Someone else changed this integration after the diff was shown. The diff now shows your change applied to their version — nothing of theirs is overwritten.',
      )
    : vscode.l10n.t('The diff editor shows the whole integration document before and after.');
  return `${change}\n\n${note}`;
}
