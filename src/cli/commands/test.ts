import type { JsonObject } from '../../common/json';
import { listSubscriptions, type MatchType } from '../../filters/attributeFilters';
import { validateAttributeKey, validateFilterValues } from '../../filters/attributeKey';
import {
  createPreview,
  describeInvalid,
  FilterSetError,
  previewEventFiles,
  PreviewPatternError,
  type DraftFilter,
  type Preview,
} from '../../filters/preview';
import { readEventBridgeProperties, validateTopicName } from '../../filters/topics';
import { COMMON_OPTIONS, parseOptions, requireOption } from '../args';
import { CliError, UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { JsonReportStream, renderText, summaryJson, verdictJson, type PreviewContext } from '../previewReport';
import { renderDiagnostic } from '../regexCheck';
import { FILTER_OPTIONS, filterValuesOf, matchTypeOf } from './apply';
import { readEventBridgeDocument } from './readDocument';

const OPTIONS = {
  ...COMMON_OPTIONS,
  events: { type: 'string', multiple: true },
  'topic-filter': { type: 'string', multiple: true },
  ...FILTER_OPTIONS,
} as const;

/** Progress on stderr for long runs, not more often than this. */
const PROGRESS_EVERY_MS = 5_000;

/**
 * `test`: what the filters keep and drop of the events in files. Offline unless --integration-id is given; even then
 * it only reads (config/current, and the subscription document with --subscription-name): nothing is ever written.
 */
export async function testCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('test', args, OPTIONS);
  const files = values.events ?? [];
  if (files.length === 0) {
    throw new UsageError('Missing required option --events FILE (repeat it for several).', 'test');
  }
  for (const file of files) requireOption('test', 'events', file);
  const topics = values['topic-filter'];
  const integrationId = values['integration-id'];
  const subscriptionName = values['subscription-name'];
  if (integrationId !== undefined) requireOption('test', 'integration-id', integrationId);
  if (subscriptionName !== undefined) {
    requireOption('test', 'subscription-name', subscriptionName);
    if (integrationId === undefined) {
      throw new UsageError('--subscription-name needs --integration-id (the integration it belongs to).', 'test');
    }
  }
  if (topics && integrationId !== undefined) {
    throw new UsageError(
      '--topic-filter and --integration-id both set the topic stage: give the topics, or the integration whose topic filter to use.',
      'test',
    );
  }
  const draft = draftOf(values);
  if (!topics && integrationId === undefined && !draft) {
    throw new UsageError(
      'Nothing to test: give --topic-filter TOPIC, --integration-id ID, or a draft filter (--attribute-key KEY with --regex, --match-type …).',
      'test',
    );
  }
  for (const topic of topics ?? []) {
    const problem = validateTopicName(topic);
    if (problem) throw new CliError(`Invalid topic filter "${topic}": ${problem}.`, ExitCode.invalidInput);
  }

  // Reads only; the client (and with it the credentials) is created only when an integration is named.
  const context: PreviewContext = { topicSource: topics ? 'given' : undefined, subscriptionName };
  let topicFilter = topics;
  let subscription: { document: JsonObject; name: string } | undefined;
  if (integrationId !== undefined) {
    const config = await ctx.genesys().getIntegrationConfig(integrationId, ctx.signal);
    topicFilter = readEventBridgeProperties(config).eventFilter;
    context.topicSource = `integration ${integrationId}`;
    if (subscriptionName !== undefined) {
      const document = await readEventBridgeDocument(ctx, integrationId);
      requireSubscription(document, subscriptionName);
      subscription = { document, name: subscriptionName };
    }
  }

  const preview = await build(ctx, {
    topicFilter,
    topicFilterSource: integrationId !== undefined ? 'integration' : 'given',
    subscription,
    draft,
  });
  for (const warning of preview.warnings) ctx.output.err(`warning: ${warning}`);
  return run(ctx, preview, files, context);
}

async function run(ctx: CommandContext, preview: Preview, files: string[], context: PreviewContext): Promise<number> {
  const { output } = ctx;
  const stream = output.json ? new JsonReportStream(output) : undefined;
  let evaluated = 0;
  let nextProgress = Date.now() + PROGRESS_EVERY_MS;
  const onAbort = (): void => {
    // Close the JSON document so what was streamed stays parseable; the exit code says it was cut short.
    stream?.end({ ok: false, interrupted: true, evaluated });
    output.err(`Interrupted after ${evaluated.toLocaleString('en-US')} events; no summary.`);
  };
  if (ctx.signal.aborted) {
    onAbort();
    return ExitCode.interrupted;
  }
  let summary;
  try {
    summary = await previewEventFiles(preview, files, {
      signal: ctx.signal,
      onVerdict: (verdict) => {
        stream?.event(verdictJson(preview, verdict));
        if (++evaluated % 10_000 === 0 && Date.now() >= nextProgress) {
          output.err(`… ${evaluated.toLocaleString('en-US')} events evaluated`);
          nextProgress = Date.now() + PROGRESS_EVERY_MS;
        }
      },
      onInvalid: (input) => output.err(`invalid: ${describeInvalid(input)}`),
    });
  } catch (err) {
    if (!ctx.signal.aborted) throw err;
    onAbort();
    return ExitCode.interrupted;
  }
  if (stream) stream.end(summaryJson(preview, summary, context));
  else output.out(renderText(preview, summary, context));
  if (summary.invalid === 0) return ExitCode.ok;
  output.err(
    `Error: ${summary.invalid.toLocaleString('en-US')} of the inputs could not be evaluated (listed above); the counts cover the others.`,
  );
  return ExitCode.invalidInput;
}

/** The draft filter from --attribute-key and the match flags, checked like `apply` checks them; none without a key. */
function draftOf(values: {
  'attribute-key'?: string;
  regex?: string;
  'match-type'?: string;
  value?: string[];
}): DraftFilter | undefined {
  const key = values['attribute-key'];
  if (key === undefined) {
    if (values.regex !== undefined || values['match-type'] !== undefined || values.value !== undefined) {
      throw new UsageError('A draft filter needs --attribute-key KEY as well.', 'test');
    }
    return undefined;
  }
  const matchType: MatchType = matchTypeOf(values['match-type'], values.regex, 'test');
  const filterValues = filterValuesOf(matchType, values.regex, values.value ?? [], 'test');
  const keyProblem = validateAttributeKey(key);
  if (keyProblem) throw new CliError(`Invalid attribute key "${key}": ${keyProblem}.`, ExitCode.invalidInput);
  const valuesProblem = validateFilterValues(matchType, filterValues);
  if (valuesProblem) throw new CliError(`Invalid ${matchType} filter: ${valuesProblem}.`, ExitCode.invalidInput);
  return { key, matchType, values: filterValues };
}

function requireSubscription(document: JsonObject, name: string): void {
  const names = listSubscriptions(document).map((s) => s.name);
  if (!names.includes(name)) {
    throw new CliError(`Subscription "${name}" not found.`, ExitCode.notFound, {
      available: { label: 'Subscriptions in this integration', items: names },
    });
  }
}

/** createPreview with its refusals turned into exit code 2, patterns shown as `validate` shows them. */
async function build(ctx: CommandContext, options: Omit<Parameters<typeof createPreview>[0], 'validator'>) {
  try {
    return await createPreview({ ...options, validator: ctx.validator(), signal: ctx.signal });
  } catch (err) {
    if (err instanceof PreviewPatternError) {
      for (const problem of err.problems) {
        ctx.output.err(`The pattern of ${problem.where}:`);
        for (const d of problem.diagnostics) {
          if (d.severity !== 'info') ctx.output.err(renderDiagnostic(problem.pattern, d));
        }
      }
      throw new CliError(
        'A pattern cannot be evaluated with RE2 (see above); nothing was evaluated.',
        ExitCode.invalidInput,
        {
          json: {
            problems: err.problems.map((p) => ({
              where: p.where,
              pattern: p.pattern,
              diagnostics: p.diagnostics.map((d) => ({ ...d })),
            })),
          },
        },
      );
    }
    if (err instanceof FilterSetError) {
      throw new CliError(`Cannot preview these filters: ${err.message}`, ExitCode.invalidInput);
    }
    throw err;
  }
}
