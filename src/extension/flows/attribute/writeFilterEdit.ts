/**
 * Writes an attribute filter edit through the EventBridge document's one write path (the client's
 * updateEventBridgeDocument). One edit, two bases: the diff shows the edit applied to the document the user's
 * choices were made on; just before the PUT the document is read again and, if anyone changed it since the diff,
 * the same edit is re-applied to the fresh document and shown and confirmed again. So another person's change is
 * never overwritten, and the user never writes something they did not see.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import { applyFilterEdit, listSubscriptions, type FilterEdit } from '../../../filters/attributeFilters';
import { isCancellation } from '../../../genesys/errors';
import type { CommandContext } from '../../commands/commandContext';
import { closeJsonDiff, type ShownDiff } from '../documents/diffEditor';
import { RequestProgress } from '../progress';
import { confirmDiff } from '../review/confirmDiff';

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
  const { client } = await ctx.services.requireSession();
  const words = verbWords(verb, edit);
  const progress = new RequestProgress(words.progress);
  let shown: ShownDiff | undefined;
  let requestSent = false;
  try {
    const update = await progress.run(() =>
      client.updateEventBridgeDocument(integrationId, (doc) => applyFilterEdit(doc, edit), {
        base: request.base,
        signal: progress.signal,
        onStep: (step) => {
          requestSent = step === 'writing';
          progress.report(
            step === 'checking' ? vscode.l10n.t('checking for changes since the diff…') : vscode.l10n.t('writing…'),
          );
        },
        review: async ({ before, after, rebased }) => {
          progress.pause();
          await closeJsonDiff(shown);
          shown = undefined;
          shown = await confirmDiff(ctx, {
            folder: integrationId,
            name: `${edit.subscription} ${edit.key}`,
            title: rebased
              ? vscode.l10n.t('{0}: {1} (before ↔ after, rebased on the latest version)', edit.subscription, edit.key)
              : vscode.l10n.t('{0}: {1} (before ↔ after)', edit.subscription, edit.key),
            before,
            after,
            confirm: {
              id: rebased ? 'confirmRebased' : 'confirm',
              message: words.question,
              detail: describeEdit(before, edit, rebased),
              confirmLabel: words.button,
              severity: edit.kind === 'remove' ? 'warning' : 'info',
            },
          });
        },
      }),
    );
    if (update.status === 'unchanged') return { status: 'unchanged', integrationId, edit, before: update.before };
    ctx.services.refresh(integrationId);
    const rebasedNote = update.rebased ? ' (rebased)' : '';
    ctx.services.log.info(
      `${verb} ${edit.kind} filter ${edit.subscription}/${edit.key} on integration ${integrationId}${rebasedNote}.`,
    );
    return {
      status: 'written',
      integrationId,
      edit,
      before: update.before,
      after: update.after,
      rebased: update.rebased,
    };
  } catch (err) {
    // A cancelled PUT may still have reached the server: show the truth either way.
    if (requestSent && isCancellation(err)) ctx.services.refresh(integrationId);
    throw err;
  } finally {
    await closeJsonDiff(shown);
  }
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
