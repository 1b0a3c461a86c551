/** The diff-and-confirm step every write goes through. */
import type { JsonObject } from '../../../common/json';
import { UserCancelledError } from '../../errors';
import { closeJsonDiff, showJsonDiff, type ShownDiff } from '../documents/diffEditor';
import type { CommandContext } from '../../commands/commandContext';

export interface DiffReview {
  /** Folder part of the virtual documents' URIs (the integration id keeps them apart). */
  folder: string;
  /** Tab names: "<name> (before)" / "<name> (after)". */
  name: string;
  /** Diff editor title, e.g. "default-voice-stream: interaction.routing.queue.name (before ↔ after)". */
  title: string;
  before: JsonObject;
  after: JsonObject;
  confirm: { id: string; message: string; detail: string; confirmLabel: string; severity?: 'info' | 'warning' };
}

/** Opens the diff, asks; resolves with the open diff (to close after writing) or throws a cancellation. */
export async function confirmDiff(ctx: CommandContext, review: DiffReview): Promise<ShownDiff> {
  const shown = await showJsonDiff(
    ctx.documents,
    review.folder,
    review.name,
    review.before,
    review.after,
    review.title,
  );
  let confirmed = false;
  try {
    confirmed = await ctx.prompter().confirm(review.confirm);
  } finally {
    if (!confirmed) await closeJsonDiff(shown);
  }
  if (!confirmed) throw new UserCancelledError(`${review.confirm.confirmLabel} cancelled`);
  return shown;
}
