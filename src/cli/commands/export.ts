/**
 * `export [--integration-id ID ...] [--file F] [--force] [--json]`: writes the filters file from the live org — every
 * EventBridge integration by default, with id and name, its topic filters, and its subscriptions' filters where the
 * subscription-filter endpoint answers — so that `plan` right after shows no changes. All of it is read before
 * anything is written: one integration that cannot be read means no file, rather than a file that leaves it out.
 */
import { rename, stat, writeFile } from 'node:fs/promises';
import { plural } from '../../common/text';
import { FILTERS_FILE_NAME } from '../../filters/asCode/filtersFile';
import { renderFiltersFile, type ExportedIntegration } from '../../filters/asCode/renderFiltersFile';
import { DEFAULT_CONCURRENCY, readIntegrationStates } from '../../genesys/integrationStates';
import { COMMON_OPTIONS, parseOptions } from '../args';
import { CliError, UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode, mostSevere, type ExitCodeValue } from '../exitCodes';
import { fromError } from '../asCode/planFile';

const OPTIONS = {
  ...COMMON_OPTIONS,
  'integration-id': { type: 'string', multiple: true },
  file: { type: 'string', short: 'f' },
  force: { type: 'boolean' },
} as const;

export async function exportCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('export', args, OPTIONS);
  const file = values.file ?? FILTERS_FILE_NAME;
  const toStdout = file === '-';
  if (toStdout && ctx.output.json) {
    throw new UsageError('--file - writes the file to stdout; it cannot go with --json.', 'export');
  }
  if (!toStdout && !values.force && (await exists(file))) {
    throw new CliError(`${file} exists; nothing was written.`, ExitCode.invalidInput, {
      hint: 'Give --force to replace it (its comments are lost), another --file, or --file - for stdout.',
    });
  }

  ctx.allowConcurrent(DEFAULT_CONCURRENCY * 4);
  const client = ctx.genesys();
  const listed = await client.listEventBridgeIntegrations(ctx.signal);
  const wanted = values['integration-id'] ?? listed.map((i) => i.id);
  const missing = wanted.filter((id) => !listed.some((i) => i.id === id));
  if (missing.length > 0) {
    throw new CliError(
      `No EventBridge integration with id ${missing.join(', ')} in this org; nothing was written.`,
      ExitCode.notFound,
      {
        available: { label: 'EventBridge integrations', items: listed.map((i) => `${i.name} (${i.id})`) },
      },
    );
  }
  const requests = [...new Set(wanted)].map((id) => ({ id, config: true, document: true }));
  const exported: ExportedIntegration[] = [];
  const failures: ExitCodeValue[] = [];
  let unavailable = 0;
  for await (const state of readIntegrationStates(client, requests, { signal: ctx.signal })) {
    const { name } = listed.find((i) => i.id === state.id)!;
    if (state.error !== undefined) {
      const failure = fromError(state.error, `Could not read "${name}"`);
      failures.push(failure.exitCode);
      ctx.output.err(`! ${failure.message}`);
      continue;
    }
    if (state.documentUnavailable) unavailable++;
    exported.push({ id: state.id, name, config: state.config!, document: state.document });
  }
  if (failures.length > 0) {
    ctx.output.err(`${plural(failures.length, 'integration')} could not be read; nothing was written.`);
    return mostSevere(failures);
  }

  const text = renderFiltersFile(exported);
  if (toStdout) {
    ctx.io.stdout(text);
    return ExitCode.ok;
  }
  // Written whole or not at all: a crash mid-write must not leave half a file that `apply` would act on.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, file);
  const withSubscriptions = exported.filter((e) => e.document).length;
  if (ctx.output.json) {
    ctx.output.outJson({
      ok: true,
      file,
      integrations: exported.length,
      withSubscriptions,
      subscriptionFiltersUnavailable: unavailable,
    });
    return ExitCode.ok;
  }
  const note =
    unavailable > 0
      ? ` ${plural(unavailable, 'integration')} without the subscription-filter endpoint (as on every real org today): only their topic filters are in the file.`
      : '';
  ctx.output.out(
    `Exported ${plural(exported.length, 'integration')} to ${file} (${withSubscriptions} with subscription filters).${note}`,
  );
  ctx.output.out(
    `Next: edit it, then "eventbridge-filter plan --file ${file}" and "eventbridge-filter apply --file ${file}".`,
  );
  return ExitCode.ok;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
