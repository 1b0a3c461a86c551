/**
 * The message after a topic write, with Undo — like the attribute filters. Undo reverses what the
 * write really changed on the config it found (`applied`, not what was asked: a topic a colleague had
 * already added is not ours to remove), re-based on a fresh read, and goes through the same diff,
 * confirm and versioned write. Topics that come back return to their old index in `properties.eventFilter`
 * (the end of the list when it has shrunk meanwhile), so an Undo leaves the list as the user last saw it.
 */
import { rebaseTopicEdit, undoTopicEditFor } from '../../../filters/topics';
import type { CommandContext } from '../../commands/commandContext';
import { describeTopicEdit, writeTopicEdit, type TopicWriteOutcome } from './writeTopicEdit';

/** Not awaited by the command: the notification waits for the user, a keybinding or a test should not. */
export function announceTopicWrite(ctx: CommandContext, outcome: TopicWriteOutcome, isUndo = false): void {
  const raced =
    outcome.attempts > 1
      ? ' Someone else changed the config meanwhile; your change was re-applied on top of theirs.'
      : '';
  const change = describeTopicEdit(outcome.edit);
  const message = !outcome.written
    ? `The topic filter of ${outcome.name} already had this change (${change}), made by someone else meanwhile; nothing was written.`
    : isUndo
      ? `Undone: the topic filter of ${outcome.name} is restored (${change}).${raced}`
      : `Topic filter of ${outcome.name}: ${change}.${raced}`;
  const undoable = !isUndo && (outcome.applied.add.length > 0 || outcome.applied.remove.length > 0);
  ctx.background('undo the topic filter change', async () => {
    const id = isUndo ? 'undone' : 'written';
    const choice = await ctx.prompter().notify({ id, severity: 'info', message, actions: undoable ? ['Undo'] : [] });
    if (choice !== 'Undo' || !undoable) return;
    const { client } = await ctx.services.requireSession();
    const current = await client.getIntegrationConfig(outcome.integrationId);
    // Positions come from the config our write started from: that is where the removed topics were.
    const undo = rebaseTopicEdit(current, undoTopicEditFor(outcome.before, outcome.applied));
    if (undo.add.length === 0 && undo.remove.length === 0) {
      const already = `The topic filter of ${outcome.name} is already as it was before; nothing was written.`;
      void ctx.prompter().notify({ id: 'unchanged', severity: 'info', message: already, actions: [] });
      return;
    }
    const { integrationId, name } = outcome;
    announceTopicWrite(
      ctx,
      await writeTopicEdit(ctx, { integrationId, name, base: current, edit: undo, verb: 'Undo' }),
      true,
    );
  });
}
