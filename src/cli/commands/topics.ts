import { formatDocument, unifiedDiff } from '../../filters/diff';
import type { JsonObject } from '../../common/json';
import {
  applyTopicEdit,
  eventSourceName,
  readEventBridgeProperties,
  TopicEditError,
  validateTopicName,
  type TopicEdit,
} from '../../filters/topics';
import { isCancellation } from '../../genesys/errors';
import { COMMON_OPTIONS, parseOptions, requireOption } from '../args';
import { CliError, UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';

const LIST_OPTIONS = { ...COMMON_OPTIONS, 'integration-id': { type: 'string' } } as const;
const EDIT_OPTIONS = {
  ...LIST_OPTIONS,
  topic: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
} as const;

export const TOPIC_SUBCOMMANDS = ['list', 'add', 'remove'] as const;

/** `topics list|add|remove`: topic filtering through /api/v2/integrations/{id}/config/current. */
export async function topicsCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
      return topicsList(ctx, rest);
    case 'add':
      return topicsEdit(ctx, 'add', rest);
    case 'remove':
      return topicsEdit(ctx, 'remove', rest);
    case undefined:
      throw new UsageError('Missing subcommand: topics list, topics add or topics remove.', 'topics');
    default:
      throw new UsageError(`Unknown subcommand "topics ${sub}"; use list, add or remove.`, 'topics');
  }
}

async function topicsList(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('topics', args, LIST_OPTIONS);
  const integrationId = requireOption('topics', 'integration-id', values['integration-id']);
  const client = ctx.genesys();
  const config = await client.getIntegrationConfig(integrationId, ctx.signal);
  const props = readEventBridgeProperties(config);
  const source = props.eventSourceSuffix ? await eventSourceOf(ctx, props.eventSourceSuffix) : undefined;

  if (ctx.output.json) {
    const result: JsonObject = { integrationId };
    if (typeof config.name === 'string') result.name = config.name;
    if (typeof config.version === 'number') result.version = config.version;
    if (props.awsAccountId) result.awsAccountId = props.awsAccountId;
    if (props.awsAccountRegion) result.awsAccountRegion = props.awsAccountRegion;
    if (props.eventSourceSuffix) result.eventSourceSuffix = props.eventSourceSuffix;
    if (source) result.eventSourceName = source;
    result.eventFilter = props.eventFilter;
    ctx.output.outJson(result);
    return ExitCode.ok;
  }
  const lines = [`Integration ${integrationId}${typeof config.name === 'string' ? ` (${config.name})` : ''}`];
  lines.push(`  AWS account ${props.awsAccountId ?? '(not set)'}, region ${props.awsAccountRegion ?? '(not set)'}`);
  if (source) lines.push(`  Event source ${source}`);
  else lines.push(`  Event source suffix ${props.eventSourceSuffix ?? '(not set)'}`);
  lines.push(
    props.eventFilter.length > 0
      ? `Topic filters (${props.eventFilter.length}):`
      : 'Topic filters: (none — all topics pass)',
  );
  for (const topic of props.eventFilter) lines.push(`  ${topic}`);
  ctx.output.out(lines.join('\n'));
  return ExitCode.ok;
}

/** The full event source name needs the org id; without permission for it the suffix alone is shown. */
async function eventSourceOf(ctx: CommandContext, suffix: string): Promise<string | undefined> {
  try {
    return eventSourceName(await ctx.genesys().getOrganizationId(ctx.signal), suffix);
  } catch (err) {
    if (isCancellation(err)) throw err;
    return undefined;
  }
}

async function topicsEdit(ctx: CommandContext, action: 'add' | 'remove', args: string[]): Promise<number> {
  const values = parseOptions('topics', args, EDIT_OPTIONS);
  const integrationId = requireOption('topics', 'integration-id', values['integration-id']);
  const topics = values.topic ?? [];
  if (topics.length === 0) throw new UsageError(`topics ${action} needs at least one --topic.`, 'topics');
  checkTopicNames(topics);
  const edit: TopicEdit = action === 'add' ? { add: topics, remove: [] } : { add: [], remove: topics };
  const client = ctx.genesys();
  const dryRun = values['dry-run'] ?? false;

  let before: JsonObject;
  let after: JsonObject;
  let attempts = 1;
  if (dryRun) {
    before = await client.getIntegrationConfig(integrationId, ctx.signal);
    after = applyOrExplain(before, edit);
  } else {
    // The edit is re-applied to a fresh copy on every re-read after a version conflict. By then part of it
    // may be in place already (another writer made the same change, or our own PUT went through and only
    // its answer was lost before the retry): only what is still to do is applied, so that is not an error.
    let reads = 0;
    const mutate = (config: JsonObject): JsonObject => {
      const pending = ++reads === 1 ? edit : stillToDo(config, edit);
      return pending.add.length + pending.remove.length === 0 ? config : applyOrExplain(config, pending);
    };
    ({ before, after, attempts } = await client.updateIntegrationConfig(integrationId, mutate, ctx.signal));
  }

  const label = `integration ${integrationId} config`;
  const diff = unifiedDiff(
    formatDocument(before),
    formatDocument(after),
    `${label} (current)`,
    `${label} (${dryRun ? 'proposed' : 'updated'})`,
  );
  if (ctx.output.json) {
    ctx.output.outJson({
      ok: true,
      command: `topics ${action}`,
      integrationId,
      topics,
      dryRun,
      written: !dryRun,
      attempts,
      diff,
      eventFilter: readEventBridgeProperties(after).eventFilter,
    });
    return ExitCode.ok;
  }
  ctx.output.out(diff);
  const noun = `topic${topics.length === 1 ? '' : 's'}`;
  if (dryRun) ctx.output.out('Dry run: nothing was written.');
  else {
    const retried =
      attempts > 1 ? ` (re-read ${attempts - 1} time${attempts === 2 ? '' : 's'} after concurrent changes)` : '';
    ctx.output.out(
      `${action === 'add' ? 'Added' : 'Removed'} ${topics.length} ${noun} ${action === 'add' ? 'to' : 'from'} the topic filter of integration ${integrationId}${retried}.`,
    );
  }
  return ExitCode.ok;
}

/** Offline checks before anything is sent: every name valid, none given twice. */
function checkTopicNames(topics: string[]): void {
  const seen = new Set<string>();
  for (const topic of topics) {
    const problem = validateTopicName(topic);
    if (problem) throw new CliError(`Invalid topic "${topic}": ${problem}. Nothing was sent.`, ExitCode.invalidInput);
    if (seen.has(topic)) throw new CliError(`The topic "${topic}" is given more than once.`, ExitCode.invalidInput);
    seen.add(topic);
  }
}

/** The part of `edit` that `config` does not reflect yet. */
function stillToDo(config: JsonObject, edit: TopicEdit): TopicEdit {
  const current = readEventBridgeProperties(config).eventFilter;
  return { add: edit.add.filter((t) => !current.includes(t)), remove: edit.remove.filter((t) => current.includes(t)) };
}

/** Removing a topic that is not there is "not found" (exit 3, with the topics that are); other rejections are invalid input. */
function applyOrExplain(config: JsonObject, edit: TopicEdit): JsonObject {
  const current = readEventBridgeProperties(config).eventFilter;
  const missing = edit.remove.filter((t) => !current.includes(t));
  if (missing.length > 0) {
    throw new CliError(
      `The topic filter does not contain ${missing.map((t) => `"${t}"`).join(', ')}; nothing was written.`,
      ExitCode.notFound,
      {
        available: { label: 'Topics in the filter', items: current },
      },
    );
  }
  try {
    return applyTopicEdit(config, edit);
  } catch (err) {
    if (err instanceof TopicEditError) {
      throw new CliError(`${err.message.replace(/\.$/, '')}; nothing was written.`, ExitCode.invalidInput);
    }
    throw err;
  }
}
