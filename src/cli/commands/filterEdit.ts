import { applyFilterEdit, FilterEditError, type FilterEdit } from '../../filters/attributeFilters';
import { formatDocument, unifiedDiff } from '../../filters/diff';
import type { JsonObject } from '../../common/json';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { explainDocumentError, readEventBridgeDocument } from './readDocument';

export interface FilterEditRun {
  command: 'apply' | 'remove';
  integrationId: string;
  edit: FilterEdit;
  dryRun: boolean;
  successMessage: string;
  /** Extra fields of the --json result (match type and values for apply). */
  jsonFields: JsonObject;
}

/**
 * The EventBridge document's one write path (the client's updateEventBridgeDocument): read → pure edit → read
 * again just before the PUT, and when someone changed the document in between, the edit is redone on their
 * version, so a concurrent change is never overwritten. A dry run only reads. The document stays plain JSON,
 * so everything this tool does not model is sent back as it came.
 */
export async function runFilterEdit(ctx: CommandContext, run: FilterEditRun): Promise<number> {
  const { output } = ctx;
  const edit = (doc: JsonObject) => applyOrExplain(doc, run.edit);
  let before: JsonObject;
  let after: JsonObject;
  let written = false;
  let rebased = false;
  if (run.dryRun) {
    before = await readEventBridgeDocument(ctx, run.integrationId);
    after = edit(before);
  } else {
    const update = await ctx
      .genesys()
      .updateEventBridgeDocument(run.integrationId, edit, { signal: ctx.signal })
      .catch((err: unknown) => explainDocumentError(err, run.integrationId));
    before = update.before;
    after = update.status === 'written' ? update.after : update.before;
    written = update.status === 'written';
    rebased = update.rebased;
  }
  const label = `integration ${run.integrationId}`;
  const diff = unifiedDiff(
    formatDocument(before),
    formatDocument(after),
    `${label} (current)`,
    `${label} (${run.dryRun ? 'proposed' : 'updated'})`,
  );
  const changed = diff.length > 0;

  if (output.json) {
    output.outJson({
      ok: true,
      command: run.command,
      integrationId: run.integrationId,
      subscriptionName: run.edit.subscription,
      attributeKey: run.edit.key,
      ...run.jsonFields,
      dryRun: run.dryRun,
      changed,
      written,
      rebased,
      diff,
      document: after,
    });
    return ExitCode.ok;
  }
  if (!changed) {
    output.out('No change: the subscription already has exactly this filter; nothing was written.');
    return ExitCode.ok;
  }
  output.out(diff);
  if (run.dryRun) output.out('Dry run: nothing was written.');
  else {
    const note = rebased
      ? ' Someone changed the integration while we were writing; the change was made on top of theirs.'
      : '';
    output.out(run.successMessage + note);
  }
  return ExitCode.ok;
}

function applyOrExplain(doc: JsonObject, edit: FilterEdit): JsonObject {
  try {
    return applyFilterEdit(doc, edit);
  } catch (err) {
    if (!(err instanceof FilterEditError)) throw err;
    switch (err.code) {
      case 'subscriptionNotFound':
        throw new CliError(err.message, ExitCode.notFound, {
          available: { label: 'Subscriptions in this integration', items: err.available ?? [] },
        });
      case 'filterNotFound':
        throw new CliError(err.message, ExitCode.notFound, {
          available: { label: 'Filters on this subscription', items: err.available ?? [] },
        });
      case 'invalidKey':
      case 'invalidValues':
        throw new CliError(err.message, ExitCode.invalidInput);
      case 'invalidDocument':
        throw new CliError(`${err.message} Nothing was written.`, ExitCode.failure);
    }
  }
}
