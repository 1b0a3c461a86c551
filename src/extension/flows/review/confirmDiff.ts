/** The diff-and-confirm step every write goes through. */
import type { JsonObject } from '../../../common/json';
import { reportFailure, UserCancelledError } from '../../errors';
import { closeJsonDiff, showJsonDiff, type ShownDiff } from '../documents/diffEditor';
import type { CommandContext } from '../../commands/commandContext';

/** A button of the confirm besides the confirm itself: it does something, then the same confirm comes back. */
export interface ReviewAction {
  label: string;
  /** What the action tells the confirm when it comes back (e.g. a preview's counts), or undefined. */
  run(): Promise<string | undefined>;
}

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
  actions?: ReviewAction[];
  /** A line the confirm shows under its detail from the start (e.g. the counts of an earlier preview). */
  note?: string;
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
    let note = review.note;
    for (;;) {
      const detail = note ? `${review.confirm.detail}\n\n${note}` : review.confirm.detail;
      const actions = review.actions?.map((a) => a.label);
      const answer = await ctx.prompter().confirm({ ...review.confirm, detail, actions });
      const action = typeof answer === 'string' ? review.actions?.find((a) => a.label === answer) : undefined;
      if (!action) {
        confirmed = answer === true;
        break;
      }
      note = (await runAction(ctx, action)) ?? note;
    }
  } finally {
    if (!confirmed) await closeJsonDiff(shown);
  }
  if (!confirmed) throw new UserCancelledError(`${review.confirm.confirmLabel} cancelled`);
  return shown;
}

/** An action that fails or is cancelled comes back to the same confirm: nothing the user chose is lost. */
async function runAction(ctx: CommandContext, action: ReviewAction): Promise<string | undefined> {
  try {
    return await action.run();
  } catch (err) {
    reportFailure(ctx.services.log, err, action.label.replace(/…$/, '').toLowerCase());
    return undefined;
  }
}
