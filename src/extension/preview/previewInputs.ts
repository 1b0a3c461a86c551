/**
 * What a preview evaluates (the filters, as the core's createPreview takes them, and where they came from) and on
 * which events; and how Preview Filter on Events… reads its arguments (a tree row, a keybinding's args, a test).
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import type { DraftFilter } from '../../filters/preview/filterSet';
import { FlowArgumentError, readFlowArgs, type FlowArgs } from '../flows/args';
import { TopicFiltersNode } from '../tree/topicFiltersNode';

export interface PreviewFilters {
  /** Names the preview in the panel's title: "premium-queues · Contact center analytics". */
  title: string;
  integrationId: string;
  integrationName: string;
  /** The integration's topic filter (`eventFilter` of config/current); undefined: no topic stage. */
  topicFilter?: string[];
  /** The EventBridge document and the subscription whose filters form the attribute stage. */
  subscription?: { document: JsonObject; name: string };
  /** A filter as Apply would write it, evaluated on top of the subscription's filters. */
  draft?: DraftFilter;
  /** What the user should know that the core does not say (e.g. the topic filter could not be read). */
  notes: string[];
  /** The filter row the command was run on: the panel marks it. */
  focusKey?: string;
}

/** The events a preview reads: files, streamed by the core's reader. */
export interface EventSelection {
  /** "recorded.jsonl", "the bundled samples", "live events recorded for 30 s". */
  label: string;
  /** Absolute paths of .json/.jsonl/.ndjson files, read in this order. */
  files: string[];
  /** A recording this extension made (in its storage): the panel offers to save it. */
  recording?: boolean;
  /** What happened while the events were gathered (a reconnect, topics the platform refused…). */
  notes?: string[];
}

export interface PreviewArgs extends FlowArgs {
  /** Event files (absolute, or relative to the first workspace folder): skips the question which events. */
  events?: string[];
  /** Preview the integration's topic filter alone, without asking for a subscription. */
  topicFilterOnly?: boolean;
}

/** The command's arguments: a tree row (subscription, filter, the Topic filters group) or an args object. */
export function readPreviewArgs(arg: unknown): PreviewArgs {
  const args: PreviewArgs = readFlowArgs(arg);
  if (arg === undefined || arg === null) return args;
  const source = arg as Record<string, unknown>;
  const events = source.events;
  if (events !== undefined) {
    const list = typeof events === 'string' ? [events] : events;
    if (!Array.isArray(list) || list.length === 0 || !list.every((e) => typeof e === 'string' && e !== '')) {
      throw new FlowArgumentError(vscode.l10n.t('"events" must be a file path or a non-empty list of file paths.'));
    }
    args.events = list.map(resolveInWorkspace);
  }
  if (source.topicFilterOnly === true || arg instanceof TopicFiltersNode) args.topicFilterOnly = true;
  if (args.matchType && !args.attributeKey) {
    throw new FlowArgumentError(vscode.l10n.t('A draft filter needs "attributeKey" as well as "matchType".'));
  }
  return args;
}

function resolveInWorkspace(file: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || /^([a-zA-Z]:)?[\\/]/.test(file)) return file;
  return vscode.Uri.joinPath(folder.uri, file).fsPath;
}
