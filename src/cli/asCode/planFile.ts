/**
 * `plan` and `apply` share this: list the org's EventBridge integrations, resolve the file's entries to them, read
 * what each entry manages (its config for topics, its EventBridge document for subscriptions) concurrently under the
 * rate-limit pacer, and plan each one. Every entry gets its own outcome; one failing does not stop the others.
 */
import { entryLabel, type IntegrationEntry } from '../../filters/asCode/filtersFile';
import { planIntegration, type IntegrationPlan } from '../../filters/asCode/planIntegration';
import { resolveEntries, type IntegrationRef, type PlanProblem } from '../../filters/asCode/resolveEntries';
import { DEFAULT_CONCURRENCY, readIntegrationStates } from '../../genesys/integrationStates';
import { isCliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode, exitCodeFor, type ExitCodeValue } from '../exitCodes';
import { locate, type CheckedFiltersFile } from './readFiltersFile';

export interface EntryFailure {
  exitCode: ExitCodeValue;
  message: string;
  /** `FILE:LINE:COLUMN` when the problem is at a place in the file. */
  where?: string;
  available?: { label: string; items: string[] };
}

export interface EntryOutcome {
  entry: IntegrationEntry;
  /** Undefined when the entry matched no single integration. */
  integration?: IntegrationRef;
  plan?: IntegrationPlan;
  failure?: EntryFailure;
}

export async function planFile(ctx: CommandContext, checked: CheckedFiltersFile): Promise<EntryOutcome[]> {
  // Two requests per integration in flight, and a wait for the rate-limit window each.
  ctx.allowConcurrent(DEFAULT_CONCURRENCY * 4);
  const client = ctx.genesys();
  const integrations = (await client.listEventBridgeIntegrations(ctx.signal)).map(({ id, name }) => ({ id, name }));
  const resolutions = resolveEntries(checked.file.integrations, integrations);
  const outcomes: EntryOutcome[] = resolutions.map((r) =>
    'problem' in r
      ? { entry: r.entry, failure: fromProblem(checked, r.problem) }
      : { entry: r.entry, integration: r.integration },
  );
  const toRead = outcomes.filter((o) => o.integration);
  const requests = toRead.map((o) => ({
    id: o.integration!.id,
    config: o.entry.topicFilters !== undefined,
    document: o.entry.subscriptions !== undefined,
  }));
  let index = 0;
  for await (const state of readIntegrationStates(client, requests, { signal: ctx.signal })) {
    const outcome = toRead[index++];
    if (state.error !== undefined) {
      outcome.failure = fromError(state.error, `Could not read "${entryLabel(outcome.entry)}"`);
      continue;
    }
    const planned = planIntegration(outcome.entry, outcome.integration!, state);
    if ('plan' in planned) outcome.plan = planned.plan;
    else outcome.failure = fromProblem(checked, planned.problems[0], planned.problems.length);
  }
  return outcomes;
}

function fromProblem(checked: CheckedFiltersFile, problem: PlanProblem, count = 1): EntryFailure {
  const more = count > 1 ? ` (and ${count - 1} more like it)` : '';
  const failure: EntryFailure = {
    exitCode: problem.code === 'ambiguousName' ? ExitCode.invalidInput : ExitCode.notFound,
    message: problem.message + more,
    where: locate(checked, problem.span.offset),
  };
  if (problem.available) failure.available = problem.available;
  return failure;
}

/** A request or write that failed for one integration, as its outcome (a cancellation still ends the run). */
export function fromError(err: unknown, context: string): EntryFailure {
  const exitCode = exitCodeFor(err);
  if (exitCode === ExitCode.interrupted) throw err;
  const failure: EntryFailure = {
    exitCode,
    message: `${context}: ${err instanceof Error ? err.message : String(err)}`,
  };
  if (isCliError(err) && err.details.available) failure.available = err.details.available;
  return failure;
}
