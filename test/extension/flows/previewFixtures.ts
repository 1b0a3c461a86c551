/** Events and files for the preview tests: EventBridge-shaped events written into the test editor's workspace. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JsonObject } from '../../../src/common/json';
import type { PreviewShown } from '../../../src/extension/preview/previewFlow';
import { REPO_ROOT } from '../../vscode/paths';

export type { PreviewShown };

/** The bundled samples, as the extension ships them. */
export const SAMPLES_DIR = path.join(REPO_ROOT, 'media', 'sample-events');

let counter = 0;

/** An event as AWS delivers it (the shape of the real samples). */
export function eventBridgeEvent(topic: string, body: JsonObject): JsonObject {
  counter++;
  return {
    version: '0',
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    'detail-type': topic.replace(/\.[0-9a-f-]{36}\./g, '.{id}.'),
    source: 'aws.partner/genesys.com/cloud/b7e4d2a1-5c3f-4e8a-9d6b-1f2e3a4b5c6d/test',
    account: '123456789012',
    time: '2026-11-30T12:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: { topicName: topic, version: '2', eventBody: body },
  };
}

export const CONVERSATION = 'c4f0a1b2-0000-4000-8000-000000000001';
export const topicOf = (kind: string): string => `v2.detail.events.conversation.${CONVERSATION}.${kind}`;

/** Writes `lines` (objects, or raw text for a malformed line) as JSON Lines into the workspace; returns its path. */
export function writeWorkspaceFile(relative: string, lines: Array<JsonObject | string>): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test editor has no workspace folder');
  const file = path.join(folder.uri.fsPath, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

/** The Content-Security-Policy of a panel page, unescaped. */
export function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  if (!match) throw new Error('the page has no CSP meta tag');
  return match[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
