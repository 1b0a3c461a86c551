import { formatDocument, unifiedDiff } from '../../filters/diff';
import type { JsonObject } from '../../common/json';
import { plural } from '../../common/text';
import {
  applyTopicEdit,
  topicEditOn,
  topicListProblem,
  eventSourceName,
  readEventBridgeProperties,
  TopicEditError,
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
  // Offline checks before anything is sent: every name valid, none given twice.
  const problem = topicListProblem(topics);
  if (problem) throw new CliError(`${capitalize(problem)}. Nothing was sent.`, ExitCode.invalidInput);
  const edit: TopicEdit = action === 'add' ? { add: topics, remove: [] } : { add: [], remove: topics };
  const client = ctx.genesys();
  const dryRun = values['dry-run'] ?? false;

  // The edit is checked strictly against the config as read (adding a topic that is there is an error); the
  // write then carries that config's version, and after a version conflict only what is still to do is re-applied
  // to the newer config (another writer may have made part of the same change).
  const base = await client.getIntegrationConfig(integrationId, ctx.signal);
  let before = base;
  let after = applyOrExplain(base, edit);
  let attempts = 1;
  let written = false;
  if (!dryRun) {
    const signal = ctx.signal;
    ({ before, after, attempts, written } = await client.updateIntegrationConfig(integrationId, topicEditOn(edit), {
      base,
      signal,
    }));
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
      written,
      attempts,
      diff,
      eventFilter: readEventBridgeProperties(after).eventFilter,
    });
    return ExitCode.ok;
  }
  if (diff) ctx.output.out(diff);
  if (dryRun) {
    ctx.output.out('Dry run: nothing was written.');
    return ExitCode.ok;
  }
  const retried = attempts > 1 ? ` (re-read ${plural(attempts - 1, 'time')} after concurrent changes)` : '';
  if (!written) {
    ctx.output.out(`Nothing was written: someone else made the same change meanwhile${retried}.`);
    return ExitCode.ok;
  }
  const direction = action === 'add' ? 'Added' : 'Removed';
  const preposition = action === 'add' ? 'to' : 'from';
  ctx.output.out(
    `${direction} ${plural(topics.length, 'topic')} ${preposition} the topic filter of integration ${integrationId}${retried}.`,
  );
  return ExitCode.ok;
}

/** Removing a topic that is not there is "not found" (exit 3, with the topics that are); other rejections are invalid input. */
function applyOrExplain(config: JsonObject, edit: TopicEdit): JsonObject {
  const current = readEventBridgeProperties(config).eventFilter;
  const missing = edit.remove.filter((t) => !current.includes(t));
  if (missing.length > 0) {
    const names = missing.map((t) => `"${t}"`).join(', ');
    throw new CliError(`The topic filter does not contain ${names}; nothing was written.`, ExitCode.notFound, {
      available: { label: 'Topics in the filter', items: current },
    });
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
