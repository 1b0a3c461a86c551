/**
 * Runs a recording: checks the concrete topics (nothing is created for a topic that cannot be recorded), then one
 * channel's events are written line by line to `<global storage>/recordings/live-<time>.jsonl` while a cancellable
 * progress counts them. Cancel stops early and keeps what arrived; the subscriptions are removed either way (the
 * core's tap does that). The newest recordings are kept, older ones deleted, so storage does not grow for ever.
 */
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { planTap } from '../../filters/preview/tapPlan';
import type { GenesysClient } from '../../genesys/client';
import type { CommandContext } from '../commands/commandContext';
import { FlowArgumentError } from '../flows/args';
import { withCancellableProgress } from '../flows/progress';
import { concreteTopics } from './liveRecording';
import type { EventSelection } from './previewInputs';
import { topicCatalogue } from '../orgTopics';

export interface RecordingRequest {
  integrationName: string;
  topicFilter: string[];
  /** Chosen topic-filter entries (may hold `{id}`) and the ids typed for them. */
  topics: string[];
  ids: Record<string, string[]>;
  seconds: number;
}

const KEEP_RECORDINGS = 10;

export async function recordLiveEvents(
  ctx: CommandContext,
  client: GenesysClient,
  request: RecordingRequest,
): Promise<EventSelection> {
  const topics = concreteTopics(request.topics, request.ids);
  const plan = planTap(request.topicFilter, (await topicCatalogue(client)) ?? [], topics);
  const refused = plan.requested.filter((r) => r.problem);
  if (refused.length > 0) {
    const reasons = refused.map((r) => `${r.topic}: ${r.problem}`).join('; ');
    throw new FlowArgumentError(vscode.l10n.t('Cannot record {0}. Nothing was created.', reasons));
  }
  const { checkTapRequest, tapNotifications } = await import('../../genesys/notificationTap');
  const problem = checkTapRequest(topics, request.seconds * 1000);
  if (problem) throw new FlowArgumentError(vscode.l10n.t('Cannot record live events: {0}.', problem));

  const folder = path.join(ctx.host.context.globalStorageUri.fsPath, 'recordings');
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, `live-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  const out = createWriteStream(file, { flags: 'wx' });
  const writeFailed = new AbortController();
  out.on('error', (err) => writeFailed.abort(err));
  const notes = plan.requested.filter((r) => r.warning).map((r) => `${r.topic}: ${r.warning}.`);
  const started = Date.now();
  let events = 0;
  try {
    const title = vscode.l10n.t('Recording live events of {0}', request.integrationName);
    const result = await withCancellableProgress(title, async (signal, report) => {
      const left = () => Math.max(0, Math.ceil(request.seconds - (Date.now() - started) / 1000));
      const tick = setInterval(() => report(vscode.l10n.t('{0} events · {1} s left', events, left())), 1000);
      try {
        return await tapNotifications(client, {
          topics,
          durationMs: request.seconds * 1000,
          signal: AbortSignal.any([signal, writeFailed.signal]),
          onEvent: (message) => {
            out.write(`${JSON.stringify(message)}\n`);
            events++;
          },
          onNotice: (notice) => {
            notes.push(notice);
            report(notice);
          },
        });
      } finally {
        clearInterval(tick);
      }
    });
    await close(out);
    if (writeFailed.signal.aborted) throw writeFailed.signal.reason;
    if (result.unsubscribed === false) {
      notes.push(
        vscode.l10n.t("The channel's subscriptions could not be removed; the platform ends the channel within 24 h."),
      );
    }
    if (result.events === 0) {
      throw new Error(
        vscode.l10n.t(
          'No events arrived in {0} s on {1}. The topics may be quiet: record for longer, or with other ids.',
          Math.round((Date.now() - started) / 1000),
          topics.join(', '),
        ),
      );
    }
  } catch (err) {
    out.destroy();
    await fs.rm(file, { force: true });
    throw err;
  }
  await prune(folder);
  const seconds = Math.round((Date.now() - started) / 1000);
  return {
    label: vscode.l10n.t('{0} live events recorded for {1} s', events.toLocaleString(), seconds),
    files: [file],
    recording: true,
    notes,
  };
}

/** Resolves once the file is closed, after the last line is flushed or after a write error destroyed the stream. */
function close(out: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (out.closed) return resolve();
    out.once('close', () => resolve());
    out.end();
  });
}

/** Keeps the newest recordings (their names sort by time). */
async function prune(folder: string): Promise<void> {
  const names = (await fs.readdir(folder)).filter((name) => /^live-.*\.jsonl$/.test(name)).sort();
  await Promise.all(names.slice(0, -KEEP_RECORDINGS).map((name) => fs.rm(path.join(folder, name), { force: true })));
}
