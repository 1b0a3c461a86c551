/**
 * Which events to preview on: a .json/.jsonl/.ndjson file of the workspace, the bundled samples (two real
 * EventBridge events shipped with the extension), live events recorded now, or files from anywhere (Browse…).
 * The last choice of the session comes first, so trying another filter on the same events is one Enter.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PickItem } from '../wizard/prompter';
import type { WizardStep } from '../wizard/wizard';
import type { EventSelection } from './previewInputs';

export type EventSourceChoice = { kind: 'files'; events: EventSelection } | { kind: 'record' };

export interface EventsState {
  /** Event files given by the command's arguments: no question. */
  readonly args: { events?: string[] };
  source?: EventSourceChoice;
}

/** Where the bundled samples live inside the extension (shipped in the .vsix). */
export const SAMPLES_FOLDER = ['media', 'sample-events'];
/** Folders whose JSON is build output, dependencies or editor settings, never events. */
const EXCLUDE = '**/{node_modules,.git,out,dist,.vscode,.vscode-test,coverage}/**';
/** JSON files every project has that are never events. */
const NOT_EVENTS =
  /^(package(-lock)?|tsconfig(\..*)?|jsconfig|composer|\.?eslintrc|\.?prettierrc|launch|tasks)\.json$/i;
const MAX_FILES = 300;

let lastChoice: EventSelection | undefined;

/** Remembers what a preview ran on, so the next one offers it first. */
export function rememberEvents(events: EventSelection): void {
  lastChoice = events;
}

type Item = { kind: 'events'; events: EventSelection } | { kind: 'record' } | { kind: 'browse' };

export function eventSourceStep<S extends EventsState>(extensionUri: vscode.Uri): WizardStep<S> {
  return {
    shouldPrompt: (s) => !s.args.events,
    prompt: async (ask, s) => {
      for (;;) {
        const chosen = await ask.pick<Item>({
          id: 'events',
          placeholder: vscode.l10n.t('Preview on which events? Type to filter the workspace files'),
          items: (signal) => sourceItems(extensionUri, signal),
        });
        if (chosen.kind === 'record') {
          s.source = { kind: 'record' };
          return;
        }
        const events = chosen.kind === 'events' ? chosen.events : await browse();
        // Browse… closed without a file: the same question again, nothing lost.
        if (events) {
          s.source = { kind: 'files', events };
          return;
        }
      }
    },
    after: (s) => {
      if (s.args.events) s.source = { kind: 'files', events: selectionOf(s.args.events) };
    },
  };
}

async function sourceItems(extensionUri: vscode.Uri, signal: AbortSignal): Promise<PickItem<Item>[]> {
  const others = vscode.l10n.t('Other sources');
  const samples = await bundledSamples(extensionUri);
  const items: PickItem<Item>[] = [
    ...(await workspaceEventFiles(signal)).map((item) => ({ ...item, group: vscode.l10n.t('Workspace files') })),
    {
      label: vscode.l10n.t('Bundled samples'),
      description: vscode.l10n.t('{0} real EventBridge events', samples.files.length),
      icon: 'beaker',
      group: others,
      value: { kind: 'events', events: samples },
    },
  ];
  items.push({
    label: vscode.l10n.t('Record live events…'),
    description: vscode.l10n.t("for a few seconds, from the org's Notifications API"),
    icon: 'record',
    group: others,
    value: { kind: 'record' },
  });
  items.push({
    label: vscode.l10n.t('Browse…'),
    description: vscode.l10n.t('.json, .jsonl or .ndjson files anywhere'),
    icon: 'folder-opened',
    group: others,
    value: { kind: 'browse' },
  });
  return withLastChoiceFirst(items);
}

/** The events of the previous preview first (the same entry moved up, or its own when it is not listed). */
function withLastChoiceFirst(items: PickItem<Item>[]): PickItem<Item>[] {
  if (!lastChoice) return items;
  const last = lastChoice;
  const same = (item: PickItem<Item>) =>
    item.value.kind === 'events' && item.value.events.files.join('\n') === last.files.join('\n');
  const listed = items.find(same);
  const first: PickItem<Item> = {
    ...(listed ?? { label: last.label, icon: 'history', value: { kind: 'events', events: last } }),
    description: vscode.l10n.t('used last'),
    group: undefined,
    picked: true,
  };
  return [first, ...items.filter((item) => !same(item))];
}

/** JSON Lines first (recordings, exports), then .json; each with its size. */
async function workspaceEventFiles(signal: AbortSignal): Promise<PickItem<Item>[]> {
  const source = new vscode.CancellationTokenSource();
  signal.addEventListener('abort', () => source.cancel(), { once: true });
  try {
    const uris = await vscode.workspace.findFiles('**/*.{json,jsonl,ndjson}', EXCLUDE, MAX_FILES, source.token);
    const files = uris
      .filter((uri) => uri.scheme === 'file' && !NOT_EVENTS.test(path.basename(uri.fsPath)))
      .sort((a, b) => rank(a.fsPath) - rank(b.fsPath) || a.fsPath.localeCompare(b.fsPath));
    return Promise.all(
      files.map(async (uri): Promise<PickItem<Item>> => {
        const size = await fs.stat(uri.fsPath).then(
          (st) => formatBytes(st.size),
          () => undefined,
        );
        return {
          label: vscode.workspace.asRelativePath(uri, false),
          description: size,
          icon: 'file',
          value: { kind: 'events', events: selectionOf([uri.fsPath]) },
        };
      }),
    );
  } finally {
    source.dispose();
  }
}

const rank = (file: string): number => (/\.(jsonl|ndjson)$/i.test(file) ? 0 : 1);

async function bundledSamples(extensionUri: vscode.Uri): Promise<EventSelection> {
  const folder = vscode.Uri.joinPath(extensionUri, ...SAMPLES_FOLDER).fsPath;
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  return { label: vscode.l10n.t('the bundled samples'), files: names.map((name) => path.join(folder, name)) };
}

async function browse(): Promise<EventSelection | undefined> {
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: vscode.l10n.t('Preview on These Events'),
    filters: { [vscode.l10n.t('Events (JSON, JSON Lines)')]: ['json', 'jsonl', 'ndjson'] },
  });
  return uris && uris.length > 0 ? selectionOf(uris.map((uri) => uri.fsPath)) : undefined;
}

export function selectionOf(files: string[]): EventSelection {
  const label = files.length === 1 ? shortName(files[0]) : vscode.l10n.t('{0} files', files.length.toLocaleString());
  return { label, files };
}

/** A file as people know it: relative to the workspace, else its name. */
export function shortName(file: string): string {
  const relative = vscode.workspace.asRelativePath(file, false);
  return relative === file ? path.basename(file) : relative;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return vscode.l10n.t('{0} bytes', bytes);
  if (bytes < 1024 * 1024) return vscode.l10n.t('{0} KB', Math.round(bytes / 1024));
  return vscode.l10n.t('{0} MB', (bytes / (1024 * 1024)).toFixed(1));
}
