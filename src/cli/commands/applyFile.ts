/**
 * `apply [--file F] [--yes] [--json]`: plan, confirm, then write each changed integration through the one write path
 * of each document, concurrently (bounded, and paced by the rate limit under the transport):
 * - its config with the `version` read by the plan (a conflict re-reads and re-applies the topic edit);
 * - its EventBridge document re-read just before the PUT, the filter edits redone on a newer one.
 * So a change someone made since the plan is kept, and applying twice writes nothing the second time. One integration
 * failing does not stop the others; the exit code is the most severe outcome.
 */
import type { JsonObject } from '../../common/json';
import { mapInOrder } from '../../common/mapInOrder';
import { plural } from '../../common/text';
import { FilterEditError } from '../../filters/attributeFilters';
import { entryLabel, FILTERS_FILE_NAME } from '../../filters/asCode/filtersFile';
import { configEditOf, documentEditOf, type IntegrationPlan } from '../../filters/asCode/planIntegration';
import { DEFAULT_CONCURRENCY } from '../../genesys/integrationStates';
import { COMMON_OPTIONS, parseOptions } from '../args';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode, mostSevere, type ExitCodeValue } from '../exitCodes';
import { fromError, planFile, type EntryFailure, type EntryOutcome } from '../asCode/planFile';
import { describeFailure, failureJson, planChangesJson, planText } from '../asCode/planReport';
import { readFiltersFile } from '../asCode/readFiltersFile';

export const APPLY_FILE_OPTIONS = {
  ...COMMON_OPTIONS,
  file: { type: 'string', short: 'f' },
  yes: { type: 'boolean', short: 'y' },
  'allow-pcre2-only': { type: 'boolean' },
} as const;

type Written = { status: 'written' | 'unchanged'; rebased: boolean; parts: string[] };
type Result = { outcome: EntryOutcome; written?: Written; failure?: EntryFailure };

export async function applyFileCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('apply', args, APPLY_FILE_OPTIONS);
  const checked = await readFiltersFile(ctx, values.file ?? FILTERS_FILE_NAME, values['allow-pcre2-only'] ?? false);
  const outcomes = await planFile(ctx, checked);
  // The plan is for the person deciding; with --json stdout carries only the result, so it goes to stderr.
  const show = (text: string) => (ctx.output.json ? ctx.output.err(text) : ctx.output.out(text));
  show(planText(outcomes));
  const toWrite = outcomes.filter((o) => o.plan?.changed);
  if (toWrite.length > 0 && !values.yes) await confirm(ctx, toWrite.length);

  const results: Result[] = [];
  for await (const result of mapInOrder(outcomes, DEFAULT_CONCURRENCY, (outcome) => writeOne(ctx, outcome))) {
    results.push(result);
    if (!ctx.output.json && toWrite.includes(result.outcome)) show(resultLine(result));
  }
  const failures = results.flatMap((r) => (r.failure ? [r.failure.exitCode] : []));
  if (ctx.output.json) ctx.output.outJson(resultJson(results));
  else if (toWrite.length > 0 || failures.length > 0) show(summary(results));
  return mostSevere(failures);
}

async function confirm(ctx: CommandContext, count: number): Promise<void> {
  const ask = ctx.io.confirm;
  if (!ask) {
    throw new CliError(
      'apply changes the org and there is no terminal to confirm on; nothing was written.',
      ExitCode.invalidInput,
      {
        hint: 'Run it with --yes (e.g. in CI, after reviewing `eventbridge-filter plan`).',
      },
    );
  }
  if (!(await ask(`Apply these changes to ${plural(count, 'integration')}?`))) {
    throw new CliError('Not confirmed; nothing was written.', ExitCode.failure);
  }
}

async function writeOne(ctx: CommandContext, outcome: EntryOutcome): Promise<Result> {
  const { plan } = outcome;
  if (outcome.failure || !plan) return { outcome, failure: outcome.failure };
  if (!plan.changed) return { outcome, written: { status: 'unchanged', rebased: false, parts: [] } };
  const client = ctx.genesys();
  const id = plan.integration.id;
  const done: Written = { status: 'unchanged', rebased: false, parts: [] };
  try {
    if (plan.topicEdit.add.length + plan.topicEdit.remove.length > 0) {
      const update = await client.updateIntegrationConfig(id, configEditOf(plan), {
        base: plan.config!.before,
        signal: ctx.signal,
      });
      if (update.written) done.parts.push('topic filters');
      if (update.attempts > 1) done.rebased = true;
    }
    if (plan.filterEdits.length > 0) {
      const update = await client.updateEventBridgeDocument(id, documentEditOf(plan), {
        base: plan.document!.before,
        signal: ctx.signal,
      });
      if (update.status === 'written') done.parts.push('attribute filters');
      if (update.rebased) done.rebased = true;
    }
  } catch (err) {
    // A subscription deleted since the plan is "not found", like one missing at plan time.
    const failure =
      err instanceof FilterEditError
        ? { exitCode: ExitCode.notFound as ExitCodeValue, message: err.message }
        : fromError(err, 'Could not write');
    if (done.parts.length > 0) {
      failure.message += ` (its ${done.parts.join(' and ')} ${done.parts.length > 1 ? 'were' : 'was'} written)`;
    }
    return { outcome, failure };
  }
  done.status = done.parts.length > 0 ? 'written' : 'unchanged';
  return { outcome, written: done };
}

function resultLine(result: Result): string {
  const name = result.outcome.integration?.name ?? entryLabel(result.outcome.entry);
  if (result.failure) return describeFailure(result.outcome, result.failure);
  const w = result.written!;
  if (w.status === 'unchanged') {
    return `= ${name}: already as the file says (someone made the same change meanwhile); nothing written.`;
  }
  const rebased = w.rebased ? ' — someone changed it since the plan; the changes were made on top of theirs' : '';
  return `✓ ${name}: wrote the ${w.parts.join(' and ')}${rebased}.`;
}

function summary(results: readonly Result[]): string {
  const written = results.filter((r) => r.written?.status === 'written').length;
  const failed = results.filter((r) => r.failure).length;
  const unchanged = results.length - written - failed;
  return `Applied: ${plural(written, 'integration')} written, ${unchanged.toLocaleString('en-US')} unchanged${failed ? `, ${failed.toLocaleString('en-US')} failed` : ''}.`;
}

function resultJson(results: readonly Result[]): JsonObject {
  const json = results.map((r): JsonObject => {
    if (r.failure) return { status: 'failed', ...failureJson(r.outcome, r.failure) };
    const plan = r.outcome.plan as IntegrationPlan;
    return { ...planChangesJson(plan), status: r.written!.status, rebased: r.written!.rebased };
  });
  const count = (status: string) => json.filter((r) => r.status === status).length;
  return {
    ok: results.every((r) => !r.failure),
    results: json,
    summary: {
      integrations: results.length,
      written: count('written'),
      unchanged: count('unchanged'),
      failed: count('failed'),
    },
  };
}
