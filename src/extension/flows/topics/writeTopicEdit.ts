/**
 * Writes a topic edit through the config's one write path (the client's updateIntegrationConfig): the diff of the
 * config before/after and a modal confirm, then a PUT that carries the version of the config the user saw. The
 * concurrency check happens on the server: when someone else wrote first, the client re-reads and re-applies only
 * what is still to do (a few times at most, then a 'conflict' error the command wrapper reports), so a topic
 * someone else added meanwhile is neither duplicated nor lost.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import { applyTopicEdit, rebaseTopicEdit, topicEditOn, type TopicEdit } from '../../../filters/topics';
import { isCancellation } from '../../../genesys/errors';
import type { CommandContext } from '../../commands/commandContext';
import { closeJsonDiff } from '../documents/diffEditor';
import { withCancellableProgress } from '../progress';
import { confirmDiff } from '../review/confirmDiff';

export interface TopicWriteRequest {
  integrationId: string;
  /** The integration's display name (messages, diff titles, the Undo). */
  name: string;
  /** The config the edit was made on (and the diff shows); its version goes with the write. */
  base: JsonObject;
  edit: TopicEdit;
  /** 'undo' words the confirm as an undo; otherwise it says Remove or Apply from the edit. */
  verb?: 'undo';
}

export interface TopicWriteOutcome {
  integrationId: string;
  name: string;
  edit: TopicEdit;
  /** What the write really changed on `before`: topics someone else had already added or removed are not in it. */
  applied: TopicEdit;
  /** False when someone else had already made the whole change: nothing was sent. */
  written: boolean;
  before: JsonObject;
  after: JsonObject;
  /** More than 1 when someone else changed the config after the diff was shown; the edit was re-applied on theirs. */
  attempts: number;
}

export async function writeTopicEdit(ctx: CommandContext, request: TopicWriteRequest): Promise<TopicWriteOutcome> {
  const { integrationId, name, base, edit, verb } = request;
  const { client } = await ctx.services.requireSession();
  const removeOnly = edit.remove.length > 0 && edit.add.length === 0;
  const shown = await confirmDiff(ctx, {
    folder: integrationId,
    name: vscode.l10n.t('{0} topic filter', name),
    title: vscode.l10n.t('{0}: topic filter (before ↔ after)', name),
    before: base,
    after: applyTopicEdit(base, edit),
    confirm: {
      id: 'confirm',
      message:
        verb === 'undo'
          ? vscode.l10n.t('Undo the topic filter change of {0}?', name)
          : removeOnly
            ? vscode.l10n.t('Remove topic filter of {0}?', name)
            : vscode.l10n.t('Change topic filter of {0}?', name),
      detail: vscode.l10n.t(
        "{0}.\n\nThe write carries the config's version: if someone else changes it first, your change is re-applied on top of theirs.",
        describeTopicEdit(edit, true),
      ),
      confirmLabel:
        verb === 'undo' ? vscode.l10n.t('Undo') : removeOnly ? vscode.l10n.t('Remove') : vscode.l10n.t('Apply'),
      severity: edit.add.length === 0 ? 'warning' : 'info',
    },
  });
  try {
    const result = await withCancellableProgress(vscode.l10n.t('Updating the topic filter of {0}', name), (signal) =>
      client.updateIntegrationConfig(integrationId, topicEditOn(edit), { base, signal }),
    );
    ctx.services.refresh(integrationId);
    ctx.services.log.info(
      `Topic filter of integration ${integrationId}: ${result.written ? '' : 'nothing to write, already '}` +
        `add [${edit.add.join(', ')}] remove [${edit.remove.join(', ')}] (attempts: ${result.attempts}).`,
    );
    return {
      integrationId,
      name,
      edit,
      applied: rebaseTopicEdit(result.before, edit),
      written: result.written,
      before: result.before,
      after: result.after,
      attempts: result.attempts,
    };
  } catch (err) {
    // A cancelled PUT may still have reached the server: show the truth either way.
    if (isCancellation(err)) ctx.services.refresh(integrationId);
    throw err;
  } finally {
    await closeJsonDiff(shown);
  }
}

/** "add a, b; remove c" (with `sentence`, "Add a, b; remove c" to open a sentence). */
export function describeTopicEdit(edit: TopicEdit, sentence = false): string {
  const parts: string[] = [];
  const first = () => sentence && parts.length === 0;
  if (edit.add.length) {
    const topics = edit.add.join(', ');
    parts.push(first() ? vscode.l10n.t('Add {0}', topics) : vscode.l10n.t('add {0}', topics));
  }
  if (edit.remove.length) {
    const topics = edit.remove.join(', ');
    parts.push(first() ? vscode.l10n.t('Remove {0}', topics) : vscode.l10n.t('remove {0}', topics));
  }
  return parts.join('; ');
}
