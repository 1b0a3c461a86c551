/**
 * The message after a topic write, with Undo — like the attribute filters. Undo reverses what the
 * write really changed on the config it found (`applied`, not what was asked: a topic a colleague had
 * already added is not ours to remove), re-based on a fresh read, and goes through the same diff,
 * confirm and versioned write. Topics that come back return to their old index in `properties.eventFilter`
 * (the end of the list when it has shrunk meanwhile), so an Undo leaves the list as the user last saw it.
 */
import * as vscode from 'vscode';
import { rebaseTopicEdit, undoTopicEditFor } from '../../../filters/topics';
import type { CommandContext } from '../../commands/commandContext';
import { describeTopicEdit, writeTopicEdit, type TopicWriteOutcome } from './writeTopicEdit';

/** Not awaited by the command: the notification waits for the user, a keybinding or a test should not. */
export function announceTopicWrite(ctx: CommandContext, outcome: TopicWriteOutcome, isUndo = false): void {
  const raced =
    outcome.attempts > 1
      ? vscode.l10n.t(' Someone else changed the config meanwhile; your change was re-applied on top of theirs.')
      : '';
  const change = describeTopicEdit(outcome.edit);
  const message = !outcome.written
    ? vscode.l10n.t(
        'The topic filter of {0} already had this change ({1}), made by someone else meanwhile; nothing was written.',
        outcome.name,
        change,
      )
    : isUndo
      ? vscode.l10n.t('Undone: the topic filter of {0} is restored ({1}).{2}', outcome.name, change, raced)
      : vscode.l10n.t('Topic filter of {0}: {1}.{2}', outcome.name, change, raced);
  const undoable = !isUndo && (outcome.applied.add.length > 0 || outcome.applied.remove.length > 0);
  const undoLabel = vscode.l10n.t('Undo');
  ctx.background(vscode.l10n.t('undo the topic filter change'), async () => {
    const id = isUndo ? 'undone' : 'written';
    const actions = undoable ? [undoLabel] : [];
    const choice = await ctx.prompter().notify({ id, severity: 'info', message, actions });
    if (choice !== undoLabel || !undoable) return;
    const { client } = await ctx.services.requireSession();
    const current = await client.getIntegrationConfig(outcome.integrationId);
    // Positions come from the config our write started from: that is where the removed topics were.
    const undo = rebaseTopicEdit(current, undoTopicEditFor(outcome.before, outcome.applied));
    if (undo.add.length === 0 && undo.remove.length === 0) {
      const already = vscode.l10n.t(
        'The topic filter of {0} is already as it was before; nothing was written.',
        outcome.name,
      );
      void ctx.prompter().notify({ id: 'unchanged', severity: 'info', message: already, actions: [] });
      return;
    }
    const { integrationId, name } = outcome;
    announceTopicWrite(
      ctx,
      await writeTopicEdit(ctx, { integrationId, name, base: current, edit: undo, verb: 'undo' }),
      true,
    );
  });
}
