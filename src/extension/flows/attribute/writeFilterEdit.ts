/**
 * Writes an attribute filter edit through the EventBridge document's one write path (the client's
 * updateEventBridgeDocument). One edit, two bases: the diff shows the edit applied to the document the user's
 * choices were made on; just before the PUT the document is read again and, if anyone changed it since the diff,
 * the same edit is re-applied to the fresh document and shown and confirmed again. So another person's change is
 * never overwritten, and the user never writes something they did not see.
 */
import type { JsonObject } from '../../../common/json';
import { applyFilterEdit, listSubscriptions, type FilterEdit } from '../../../filters/attributeFilters';
import { isCancellation } from '../../../genesys/errors';
import type { CommandContext } from '../../commands/commandContext';
import { closeJsonDiff, type ShownDiff } from '../documents/diffEditor';
import { RequestProgress } from '../progress';
import { confirmDiff } from '../review/confirmDiff';
import { DraftPreviewAction } from './draftPreviewAction';

export interface FilterWriteRequest {
  integrationId: string;
  /** The document the user's choices were made on; without it (Undo) the write starts with a read. */
  base?: JsonObject;
  edit: FilterEdit;
  /** "Apply", "Remove", "Undo": the confirm button and the progress title's verb. */
  verb: string;
}

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
  const progress = new RequestProgress(`${verb} filter on ${edit.key} in ${edit.subscription}`);
  let shown: ShownDiff | undefined;
  let requestSent = false;
  // Applying or editing a filter can be tried on events from the confirm; a removal or an undo has no draft.
  const draftPreview =
    edit.kind === 'set' && verb === 'Apply' ? new DraftPreviewAction(ctx, integrationId, edit) : undefined;
  try {
    const update = await progress.run(() =>
      client.updateEventBridgeDocument(integrationId, (doc) => applyFilterEdit(doc, edit), {
        base: request.base,
        signal: progress.signal,
        onStep: (step) => {
          requestSent = step === 'writing';
          progress.report(step === 'checking' ? 'checking for changes since the diff…' : 'writing…');
        },
        review: async ({ before, after, rebased }) => {
          progress.pause();
          await closeJsonDiff(shown);
          shown = undefined;
          shown = await confirmDiff(ctx, {
            folder: integrationId,
            name: `${edit.subscription} ${edit.key}`,
            title: `${edit.subscription}: ${edit.key} (before ↔ after${rebased ? ', rebased on the latest version' : ''})`,
            before,
            after,
            confirm: {
              id: rebased ? 'confirmRebased' : 'confirm',
              message: `${verb} filter ${edit.kind === 'remove' ? 'from' : 'to'} ${edit.subscription}?`,
              detail: describeEdit(before, edit, rebased),
              confirmLabel: verb,
              severity: edit.kind === 'remove' ? 'warning' : 'info',
            },
            actions: draftPreview ? [draftPreview.action(before)] : undefined,
            note: await draftPreview?.note(before),
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

function describeEdit(snapshot: JsonObject, edit: FilterEdit, rebased: boolean): string {
  const previous = listSubscriptions(snapshot)
    .find((s) => s.name === edit.subscription)
    ?.filters.find((f) => f.key === edit.key);
  const state = (matchType: string, values: string[]) => `${matchType}${values.length ? ` ${values.join(', ')}` : ''}`;
  const was = previous ? ` (was: ${state(previous.matchType, previous.values)})` : ' (new filter)';
  const change =
    edit.kind === 'remove'
      ? `Removes the filter ${edit.key} ${previous ? state(previous.matchType, previous.values) : ''}`.trim() + '.'
      : `${edit.key} → ${state(edit.matchType, edit.values)}${was}`;
  const note = rebased
    ? 'Someone else changed this integration after the diff was shown. The diff now shows your change applied to ' +
      'their version — nothing of theirs is overwritten.'
    : 'The diff editor shows the whole integration document before and after.';
  return `${change}\n\n${note}`;
}
