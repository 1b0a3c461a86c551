/**
 * Writes one attribute filter edit through the document write of the editor (writeDocumentEdit: diff, confirm,
 * progress, a re-read and rebase before the PUT), with the words of a filter edit.
 */
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
  // Applying or editing a filter can be tried on events from the confirm; a removal or an undo has no draft.
  const draftPreview =
    edit.kind === 'set' && verb === 'Apply' ? new DraftPreviewAction(ctx, integrationId, edit) : undefined;
  const outcome = await writeDocumentEdit(ctx, {
    integrationId,
    base: request.base,
    edit: (doc) => applyFilterEdit(doc, edit),
    progressTitle: `${verb} filter on ${edit.key} in ${edit.subscription}`,
    diffName: `${edit.subscription} ${edit.key}`,
    diffTitle: (rebased) =>
      `${edit.subscription}: ${edit.key} (before ↔ after${rebased ? ', rebased on the latest version' : ''})`,
    confirm: {
      message: `${verb} filter ${edit.kind === 'remove' ? 'from' : 'to'} ${edit.subscription}?`,
      detail: (before, rebased) => describeEdit(before, edit, rebased),
      confirmLabel: verb,
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
