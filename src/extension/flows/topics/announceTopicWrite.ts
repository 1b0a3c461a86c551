/**
 * The message after a topic write, with Undo — like the attribute filters. Undo reverses what the
 * write really changed on the config it found (`applied`, not what was asked: a topic a colleague had
 * already added is not ours to remove), re-based on a fresh read, and goes through the same diff,
 * confirm and versioned write. Topics that come back return to their old index in `properties.eventFilter`
 * (the end of the list when it has shrunk meanwhile), so an Undo leaves the list as the user last saw it.
 */
import { undoTopicEditFor } from '../../../filters/topics';
import type { FlowContext } from '../context';
import { describeTopicEdit, rebaseTopicEdit, writeTopicEdit, type TopicWriteOutcome } from './writeTopicEdit';

/** Not awaited by the command: the notification waits for the user, a keybinding or a test should not. */
export function announceTopicWrite(ctx: FlowContext, outcome: TopicWriteOutcome, isUndo = false): void {
  const raced = outcome.changedMeanwhile
    ? ' Someone else changed the config meanwhile; your change was re-applied on top of theirs.'
    : '';
  const message = isUndo
    ? `Undone: the topic filter of ${outcome.name} is restored (${describeTopicEdit(outcome.edit)}).${raced}`
    : `Topic filter of ${outcome.name}: ${describeTopicEdit(outcome.edit)}.${raced}`;
  const undoable = !isUndo && (outcome.applied.add.length > 0 || outcome.applied.remove.length > 0);
  ctx.background('undo the topic filter change', async () => {
    const choice = await ctx
      .prompter()
      .notify({ id: isUndo ? 'undone' : 'written', severity: 'info', message, actions: undoable ? ['Undo'] : [] });
    if (choice !== 'Undo' || !undoable) return;
    const client = await ctx.services.requireClient();
    const current = await client.getIntegrationConfig(outcome.integrationId);
    // Positions come from the config our write started from: that is where the removed topics were.
    const undo = rebaseTopicEdit(current, undoTopicEditFor(outcome.before, outcome.applied));
    if (undo.add.length === 0 && undo.remove.length === 0) {
      void ctx.prompter().notify({
        id: 'unchanged',
        severity: 'info',
        message: `The topic filter of ${outcome.name} is already as it was before; nothing was written.`,
        actions: [],
      });
      return;
    }
    announceTopicWrite(
      ctx,
      await writeTopicEdit(ctx, outcome.integrationId, outcome.name, current, undo, 'Undo'),
      true,
    );
  });
}
