/**
 * Writes a topic edit: diff of the config before/after, modal confirm, then the client's versioned
 * update. The config API carries a `version`, so the concurrency check happens on the server: on 409
 * the client re-reads and re-applies the same edit (a few times at most, then a 'conflict' error that
 * the command wrapper reports as such). The edit is re-based onto whatever the re-read returns, so a
 * topic someone else added meanwhile is neither duplicated nor lost.
 */
import { isDeepStrictEqual } from 'node:util';
import { applyTopicEdit, readEventBridgeProperties, type TopicEdit } from '../../../filters/topics';
import type { JsonObject } from '../../../common/json';
import { isCancellation } from '../../../genesys/errors';
import { closeJsonDiff } from '../documents/diffEditor';
import type { FlowContext } from '../context';
import { plural } from '../../../common/text';
import { withCancellableProgress } from '../progress';
import { confirmDiff } from '../review/confirmDiff';

export interface TopicWriteOutcome {
  status: 'written';
  integrationId: string;
  /** The integration's display name (messages, diff titles, the Undo). */
  name: string;
  edit: TopicEdit;
  /** What the write really changed on `before`: topics someone else had already added or removed are not in it. */
  applied: TopicEdit;
  before: JsonObject;
  after: JsonObject;
  /** More than 1 when someone else changed the config between our read and our write. */
  attempts: number;
  /** Someone else changed the config after the diff was shown; the edit was re-applied on their version. */
  changedMeanwhile: boolean;
}

/** `verb` "Undo" words the confirm as an undo; otherwise it says Remove or Apply from the edit. */
export async function writeTopicEdit(
  ctx: FlowContext,
  integrationId: string,
  name: string,
  snapshot: JsonObject,
  edit: TopicEdit,
  verb?: 'Undo',
): Promise<TopicWriteOutcome> {
  const client = await ctx.services.requireClient();
  const after = applyTopicEdit(snapshot, edit);
  const summary = describeTopicEdit(edit);
  const removeOnly = edit.remove.length > 0 && edit.add.length === 0;
  const shown = await confirmDiff(ctx, {
    folder: integrationId,
    name: `${name} topic filter`,
    title: `${name}: topic filter (before ↔ after)`,
    before: snapshot,
    after,
    confirm: {
      id: 'confirm',
      message:
        verb === 'Undo'
          ? `Undo the topic filter change of ${name}?`
          : `${removeOnly ? 'Remove' : 'Change'} topic filter of ${name}?`,
      detail: `${capitalize(summary)}.\n\nThe write carries the config's version: if someone else changes it first, your change is re-applied on top of theirs.`,
      confirmLabel: verb ?? (removeOnly ? 'Remove' : 'Apply'),
      severity: edit.add.length === 0 ? 'warning' : 'info',
    },
  });
  let result: { before: JsonObject; after: JsonObject; attempts: number };
  try {
    result = await withCancellableProgress(`Updating the topic filter of ${name}`, (signal) =>
      client.updateIntegrationConfig(
        integrationId,
        (config) => {
          const remaining = rebaseTopicEdit(config, edit);
          return remaining.add.length || remaining.remove.length ? applyTopicEdit(config, remaining) : config;
        },
        signal,
      ),
    );
  } catch (err) {
    if (isCancellation(err)) ctx.services.refresh(integrationId);
    throw err;
  } finally {
    await closeJsonDiff(shown);
  }
  ctx.services.refresh(integrationId);
  ctx.services.log.info(
    `Topic filter of integration ${integrationId}: ${summary} (${plural(result.attempts, 'attempt')}).`,
  );
  // A 409 is one way to learn of another writer; a config that changed between the diff and the
  // confirm is the other (the client's first read already returned their version, so no 409).
  const changedMeanwhile = result.attempts > 1 || !isDeepStrictEqual(result.before, snapshot);
  return {
    status: 'written',
    integrationId,
    name,
    edit,
    applied: rebaseTopicEdit(result.before, edit),
    before: result.before,
    after: result.after,
    attempts: result.attempts,
    changedMeanwhile,
  };
}

/**
 * The part of `edit` still needed on `config` (a fresher copy than the one the user saw): topics
 * someone else already added are not added twice, topics already removed are not removed again;
 * restore positions are kept for the topics still to add.
 * applyTopicEdit rejects an empty edit, so nothing left to do means "write the config unchanged".
 */
export function rebaseTopicEdit(config: JsonObject, edit: TopicEdit): TopicEdit {
  const current = new Set(readEventBridgeProperties(config).eventFilter);
  const rebased: TopicEdit = {
    add: edit.add.filter((t) => !current.has(t)),
    remove: edit.remove.filter((t) => current.has(t)),
  };
  // An Undo's positions travel with the topics still to add (a position for a topic not added is an invalid edit).
  const positions = Object.entries(edit.restoreAt ?? {}).filter(([topic]) => rebased.add.includes(topic));
  if (positions.length > 0) rebased.restoreAt = Object.fromEntries(positions);
  return rebased;
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
