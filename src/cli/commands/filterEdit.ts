import { applyFilterEdit, FilterEditError, type FilterEdit } from '../../filters/attributeFilters';
import { formatDocument, unifiedDiff } from '../../filters/diff';
import type { JsonObject } from '../../common/json';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { readEventBridgeDocument } from './readDocument';

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
 * GET → pure edit → diff → PUT: exactly one GET and at most one PUT (none on a dry run or when nothing changes).
 * The document is edited as plain JSON, so everything this tool does not model is sent back as it came.
 */
export async function runFilterEdit(ctx: CommandContext, run: FilterEditRun): Promise<number> {
  const { output } = ctx;
  const before = await readEventBridgeDocument(ctx, run.integrationId);
  const after = applyOrExplain(before, run.edit);
  const label = `integration ${run.integrationId}`;
  const diff = unifiedDiff(
    formatDocument(before),
    formatDocument(after),
    `${label} (current)`,
    `${label} (${run.dryRun ? 'proposed' : 'updated'})`,
  );

  const changed = diff.length > 0;
  const written = changed && !run.dryRun;
  if (written) await ctx.genesys().putEventBridgeDocument(run.integrationId, after, ctx.signal);

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
      diff,
      document: after,
    });
    return ExitCode.ok;
  }
  if (!changed) {
    output.out('No change: the subscription already has exactly this filter; nothing was written.');
  } else if (run.dryRun) {
    output.out(diff);
    output.out('Dry run: nothing was written.');
  } else {
    output.out(diff);
    output.out(run.successMessage);
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
