/**
 * Writes a topic edit through the config's one write path (the client's updateIntegrationConfig): the diff of the
 * config before/after and a modal confirm, then a PUT that carries the version of the config the user saw. The
 * concurrency check happens on the server: when someone else wrote first, the client re-reads and re-applies only
 * what is still to do (a few times at most, then a 'conflict' error the command wrapper reports), so a topic
 * someone else added meanwhile is neither duplicated nor lost.
 */
import type { JsonObject } from '../../../common/json';
import { plural } from '../../../common/text';
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
  /** "Undo" words the confirm as an undo; otherwise it says Remove or Apply from the edit. */
  verb?: 'Undo';
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
  const summary = describeTopicEdit(edit);
  const removeOnly = edit.remove.length > 0 && edit.add.length === 0;
  const shown = await confirmDiff(ctx, {
    folder: integrationId,
    name: `${name} topic filter`,
    title: `${name}: topic filter (before ↔ after)`,
    before: base,
    after: applyTopicEdit(base, edit),
    confirm: {
      id: 'confirm',
      message:
        verb === 'Undo'
          ? `Undo the topic filter change of ${name}?`
          : `${removeOnly ? 'Remove' : 'Change'} topic filter of ${name}?`,
      detail:
        `${capitalize(summary)}.\n\nThe write carries the config's version: if someone else changes it first, ` +
        'your change is re-applied on top of theirs.',
      confirmLabel: verb ?? (removeOnly ? 'Remove' : 'Apply'),
      severity: edit.add.length === 0 ? 'warning' : 'info',
    },
  });
  try {
    const result = await withCancellableProgress(`Updating the topic filter of ${name}`, (signal) =>
      client.updateIntegrationConfig(integrationId, topicEditOn(edit), { base, signal }),
    );
    ctx.services.refresh(integrationId);
    const what = result.written ? summary : `nothing to write, already ${summary}`;
    ctx.services.log.info(
      `Topic filter of integration ${integrationId}: ${what} (${plural(result.attempts, 'attempt')}).`,
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

export function describeTopicEdit(edit: TopicEdit): string {
  const parts: string[] = [];
  if (edit.add.length) parts.push(`add ${edit.add.join(', ')}`);
  if (edit.remove.length) parts.push(`remove ${edit.remove.join(', ')}`);
  return parts.join('; ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
