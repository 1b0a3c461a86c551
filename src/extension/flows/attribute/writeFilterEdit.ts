/**
 * One edit, two bases (design notes): the diff shows `applyFilterEdit(snapshot, edit)` against the
 * snapshot; before writing, the document is read again and, if anyone changed it since the diff,
 * the same edit is re-applied to the fresh document and shown and confirmed again. So another
 * person's change is never overwritten, and the user never writes something they did not see.
 */
import { applyFilterEdit, listSubscriptions, type FilterEdit } from '../../../filters/attributeFilters';
import type { JsonObject } from '../../../common/json';
import { isCancellation } from '../../../genesys/errors';
import { closeJsonDiff } from '../documents/diffEditor';
import type { FlowContext } from '../context';
import { readEventBridgeDocument, sameDocument } from '../pickers';
import { withCancellableProgress } from '../progress';
import { confirmDiff } from '../review/confirmDiff';

/** Re-reads before each write; after this many rounds of someone else changing it, give up. */
const MAX_REBASES = 5;

export interface FilterWriteRequest {
  integrationId: string;
  /** The document the user's choices were made on. */
  snapshot: JsonObject;
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

export async function writeFilterEdit(ctx: FlowContext, request: FilterWriteRequest): Promise<FilterWriteOutcome> {
  const { integrationId, edit, verb } = request;
  const client = await ctx.services.requireClient();
  let snapshot = request.snapshot;
  for (let round = 0; ; round++) {
    const after = applyFilterEdit(snapshot, edit);
    if (sameDocument(after, snapshot)) return { status: 'unchanged', integrationId, edit, before: snapshot };
    const rebased = round > 0;
    const shown = await confirmDiff(ctx, {
      folder: integrationId,
      name: `${edit.subscription} ${edit.key}`,
      title: `${edit.subscription}: ${edit.key} (before ↔ after${rebased ? ', rebased on the latest version' : ''})`,
      before: snapshot,
      after,
      confirm: {
        id: rebased ? 'confirmRebased' : 'confirm',
        message: `${verb} filter ${edit.kind === 'remove' ? 'from' : 'to'} ${edit.subscription}?`,
        detail: describeEdit(snapshot, edit, rebased),
        confirmLabel: verb,
        severity: edit.kind === 'remove' ? 'warning' : 'info',
      },
    });
    let result: { fresh: JsonObject } | { written: JsonObject };
    try {
      result = await withCancellableProgress(
        `${verb} filter on ${edit.key} in ${edit.subscription}`,
        async (signal, report) => {
          report('checking for changes since the diff…');
          const fresh = await readEventBridgeDocument(ctx.services, client, integrationId, signal);
          if (!sameDocument(fresh, snapshot)) return { fresh };
          report('writing…');
          await client.putEventBridgeDocument(integrationId, after, signal);
          return { written: after };
        },
      );
    } catch (err) {
      // A cancelled PUT may still have reached the server: show the truth either way.
      if (isCancellation(err)) ctx.services.refresh(integrationId);
      throw err;
    } finally {
      await closeJsonDiff(shown);
    }
    if ('written' in result) {
      ctx.services.refresh(integrationId);
      ctx.services.log.info(
        `${verb} ${edit.kind} filter ${edit.subscription}/${edit.key} on integration ${integrationId}${rebased ? ' (rebased)' : ''}.`,
      );
      return { status: 'written', integrationId, edit, before: snapshot, after, rebased };
    }
    if (round + 1 >= MAX_REBASES) {
      throw new Error(
        `The integration keeps changing while you review (${MAX_REBASES} times); nothing was written. Try again when the other writer is done.`,
      );
    }
    ctx.services.log.info(
      `Integration ${integrationId} changed since the diff was shown; re-applying the edit to the latest version.`,
    );
    snapshot = result.fresh;
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
    ? 'Someone else changed this integration after the diff was shown. The diff now shows your change applied to their version — nothing of theirs is overwritten.'
    : 'The diff editor shows the whole integration document before and after.';
  return `${change}\n\n${note}`;
}
