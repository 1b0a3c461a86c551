import { promises as fs } from 'node:fs';
import type { WriteStream } from 'node:fs';
import type { JsonObject } from '../../common/json';
import { plural } from '../../common/text';
import { eventFileKind, planTap, type TapPlan } from '../../filters/preview';
import { readEventBridgeProperties, validateTopicName } from '../../filters/topics';
import { isCancellation, isGenesysError } from '../../genesys/errors';
import { tapNotifications, type TapResult } from '../../genesys/notificationTap';
import { NotificationsApi, type NotificationTopic } from '../../genesys/notifications';
import { COMMON_OPTIONS, parseOptions, requireOption } from '../args';
import { CliError, UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';

const OPTIONS = {
  ...COMMON_OPTIONS,
  'integration-id': { type: 'string' },
  topic: { type: 'string', multiple: true },
  duration: { type: 'string' },
  'max-events': { type: 'string' },
  out: { type: 'string' },
} as const;

const DEFAULT_DURATION_S = 60;
const MAX_DURATION_S = 24 * 60 * 60;

/**
 * `tap`: records live events of concrete topics from the Notifications API into a JSON Lines file that `test` reads.
 * Without --topic it says which of the integration's topics can be tapped and which ids they need.
 */
export async function tapCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('tap', args, OPTIONS);
  const integrationId = requireOption('tap', 'integration-id', values['integration-id']);
  const topics = values.topic ?? [];
  const durationS = numberOption(
    'duration',
    values.duration,
    (n) => n > 0 && n <= MAX_DURATION_S,
    `a number of seconds from 1 to ${MAX_DURATION_S} (a channel lives 24 h)`,
  );
  const maxEvents = numberOption(
    'max-events',
    values['max-events'],
    (n) => Number.isInteger(n) && n > 0,
    'a whole number above 0',
  );
  for (const topic of topics) {
    const problem = validateTopicName(topic);
    if (problem) throw new CliError(`Invalid topic "${topic}": ${problem}.`, ExitCode.invalidInput);
  }
  const out = topics.length > 0 ? requireOption('tap', 'out', values.out) : values.out;
  if (out !== undefined && eventFileKind(out) !== 'jsonl') {
    throw new UsageError(
      `--out must name a .jsonl or .ndjson file (one event per line, what "test" reads); got "${out}".`,
      'tap',
    );
  }

  const client = ctx.genesys();
  const config = await client.getIntegrationConfig(integrationId, ctx.signal);
  const eventFilter = readEventBridgeProperties(config).eventFilter;
  const catalogue = await readCatalogue(ctx);
  const plan = planTap(eventFilter, catalogue, topics);
  if (topics.length === 0) {
    ctx.output.err(describePlan(integrationId, plan));
    throw new UsageError('Give the topics to record with --topic, with concrete ids in place of {id}.', 'tap');
  }
  const refused = plan.requested.filter((r) => r.problem);
  if (refused.length > 0) {
    ctx.output.err(describePlan(integrationId, plan));
    throw new CliError(
      `Cannot tap ${refused.map((r) => `${r.topic}: it ${r.problem}`).join('; ')}. Nothing was created.`,
      ExitCode.invalidInput,
    );
  }
  for (const r of plan.requested) if (r.warning) ctx.output.err(`warning: ${r.topic}: ${r.warning}.`);

  const file = await createOutput(out!);
  const started = Date.now();
  let result: TapResult;
  try {
    ctx.output.err(`Recording live events of ${plural(topics.length, 'topic')} to ${out} (Ctrl+C stops)…`);
    result = await tapNotifications(client, {
      topics,
      durationMs: (durationS ?? DEFAULT_DURATION_S) * 1000,
      maxEvents,
      signal: ctx.signal,
      onEvent: (message) => file.write(`${JSON.stringify(message)}\n`),
      onNotice: (text) => ctx.output.err(text),
    });
  } finally {
    await new Promise<void>((resolve) => file.end(resolve));
  }
  return report(ctx, out!, result, Date.now() - started);
}

function report(ctx: CommandContext, out: string, result: TapResult, ms: number): number {
  const stopped = {
    duration: 'the duration was reached',
    maxEvents: 'the event count was reached',
    aborted: 'interrupted (Ctrl+C)',
    connectionLost: 'the connection was lost again after one reconnect',
  }[result.stoppedBy];
  const unsubscribed =
    result.unsubscribed === false
      ? `warning: could not remove the subscriptions of channel ${result.channelId}; it expires within 24 h.`
      : undefined;
  if (unsubscribed) ctx.output.err(unsubscribed);
  if (ctx.output.json) {
    const json: JsonObject = {
      ok: result.stoppedBy !== 'connectionLost' && result.stoppedBy !== 'aborted',
      file: out,
      events: result.events,
      heartbeats: result.heartbeats,
      reconnects: result.reconnects,
      stoppedBy: result.stoppedBy,
      seconds: Math.round(ms / 100) / 10,
      channelId: result.channelId,
      unsubscribed: result.unsubscribed,
      rejected: result.rejected.map((r) => ({ ...r })),
    };
    ctx.output.outJson(json);
  } else {
    ctx.output.out(
      `Recorded ${plural(result.events, 'event')} to ${out} in ${(ms / 1000).toFixed(1)} s (${plural(result.heartbeats, 'heartbeat')} skipped` +
        `${result.reconnects > 0 ? `, reconnected ${result.reconnects} time` : ''}); stopped because ${stopped}.\n` +
        `Try it: eventbridge-filter test --events ${out} --topic-filter … or --integration-id …`,
    );
  }
  if (result.stoppedBy === 'aborted') return ExitCode.interrupted;
  if (result.stoppedBy === 'connectionLost') return ExitCode.gaveUp;
  return ExitCode.ok;
}

function numberOption(
  name: string,
  text: string | undefined,
  ok: (n: number) => boolean,
  expected: string,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !ok(n)) {
    throw new UsageError(`--${name} must be ${expected} (got "${text}").`, 'tap');
  }
  return n;
}

/** The catalogue says which topics travel over WebSocket; a client that may not read it can still tap, unchecked. */
async function readCatalogue(ctx: CommandContext): Promise<NotificationTopic[]> {
  try {
    return await new NotificationsApi(ctx.genesys()).availableTopics(ctx.signal);
  } catch (err) {
    if (isCancellation(err) || !isGenesysError(err) || (err.kind !== 'permission' && err.kind !== 'notFound')) {
      throw err;
    }
    ctx.output.err(`warning: the available topics could not be read (${err.message}); transports are not checked.`);
    return [];
  }
}

/** Never overwrites: a recording is the user's, and so is any file already there. */
async function createOutput(out: string): Promise<WriteStream> {
  try {
    const handle = await fs.open(out, 'wx');
    return handle.createWriteStream({ encoding: 'utf8' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new CliError(
        `${out} already exists; tap never overwrites a file. Choose another name.`,
        ExitCode.invalidInput,
      );
    }
    throw new CliError(`Cannot create ${out} (${code ?? (err as Error).message}).`, ExitCode.invalidInput);
  }
}

export function describePlan(integrationId: string, plan: TapPlan): string {
  const lines = [`Topics of integration ${integrationId}:`];
  if (plan.entries.length === 0) {
    lines.push('  (the topic filter is empty: name any topic that travels over WebSocket)');
  }
  for (const e of plan.entries) {
    const state =
      e.tappable === true
        ? 'can be tapped'
        : e.tappable === false
          ? `EventBridge only (${e.transports?.join(', ')}): cannot be tapped`
          : 'transports unknown';
    const ids =
      e.parameters.length > 0 ? `; needs ${e.parameters.map((p) => `a concrete ${p}`).join(' and ')} for {id}` : '';
    lines.push(`  ${e.topic} — ${state}${e.tappable === false ? '' : ids}`);
  }
  const example = plan.entries.find((e) => e.tappable !== false);
  if (example) lines.push(`Example: --topic ${example.topic.replace(/\{id\}/g, '<id>')}`);
  return lines.join('\n');
}
