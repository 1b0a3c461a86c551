/**
 * The EventBridge document's write in the editor, for any edit: the diff and a modal confirm, cancellable progress,
 * then the client's one write path (updateEventBridgeDocument). One edit, two bases: the diff shows the edit applied
 * to the document the user's choices were made on; just before the PUT the document is read again and, if anyone
 * changed it since the diff, the same edit is re-applied to the fresh document and shown and confirmed again. So
 * another person's change is never overwritten, and the user never writes something they did not see.
 * Used by the filter flows (one attribute edit) and by Apply from a filters file (all of an entry's filter edits).
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import type { DocumentEdit } from '../../../genesys/client';
import { isCancellation } from '../../../genesys/errors';
import type { CommandContext } from '../../commands/commandContext';
import { closeJsonDiff, type ShownDiff } from '../documents/diffEditor';
import { RequestProgress } from '../progress';
import { confirmDiff, type ReviewAction } from './confirmDiff';

export interface DocumentWriteRequest {
  integrationId: string;
  /** The document the user's choices were made on; without it (Undo) the write starts with a read. */
  base?: JsonObject;
  edit: DocumentEdit;
  /** The notification's title while requests run. */
  progressTitle: string;
  /** Tab names of the diff: "<name> (before)" / "<name> (after)". */
  diffName: string;
  /** The diff editor's title; `rebased` when it shows the edit re-applied to someone else's newer version. */
  diffTitle(rebased: boolean): string;
  confirm: {
    message: string;
    detail(before: JsonObject, rebased: boolean): string;
    confirmLabel: string;
    severity: 'info' | 'warning';
  };
  /**
   * More buttons of the confirm for the review of `before` (e.g. "Preview on Events…"), and a line the confirm shows
   * from the start (e.g. the counts of an earlier preview, recounted on a rebased `before`).
   */
  review?: {
    actions(before: JsonObject): ReviewAction[];
    note(before: JsonObject): Promise<string | undefined>;
  };
}

export type DocumentWriteOutcome =
  | { status: 'written'; before: JsonObject; after: JsonObject; rebased: boolean }
  | { status: 'unchanged'; before: JsonObject };

export async function writeDocumentEdit(
  ctx: CommandContext,
  request: DocumentWriteRequest,
): Promise<DocumentWriteOutcome> {
  const { integrationId } = request;
  const { client } = await ctx.services.requireSession();
  const progress = new RequestProgress(request.progressTitle);
  let shown: ShownDiff | undefined;
  let requestSent = false;
  try {
    const update = await progress.run(() =>
      client.updateEventBridgeDocument(integrationId, request.edit, {
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
            name: request.diffName,
            title: request.diffTitle(rebased),
            before,
            after,
            confirm: {
              id: rebased ? 'confirmRebased' : 'confirm',
              message: request.confirm.message,
              detail: request.confirm.detail(before, rebased),
              confirmLabel: request.confirm.confirmLabel,
              severity: request.confirm.severity,
            },
            actions: request.review?.actions(before),
            note: await request.review?.note(before),
          });
        },
      }),
    );
    if (update.status === 'unchanged') return { status: 'unchanged', before: update.before };
    ctx.services.refresh(integrationId);
    return { status: 'written', before: update.before, after: update.after, rebased: update.rebased };
  } catch (err) {
    // A cancelled PUT may still have reached the server: show the truth either way.
    if (requestSent && isCancellation(err)) ctx.services.refresh(integrationId);
    throw err;
  } finally {
    await closeJsonDiff(shown);
  }
}
