/** Shared setup for the flow tests: the activated extension, the emulator's admin API, a scripted prompter per test. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JsonObject } from '../../../src/common/json';
import type { ExtensionApi } from '../../../src/extension/main';
import { JSON_DOCUMENT_SCHEME } from '../../../src/extension/flows/documents/jsonDocuments';
import { EXTENSION_ID } from '../../vscode/paths';
import { EmulatorAdmin } from './emulatorAdmin';
import { ScriptedPrompter, type Answer } from './scriptedPrompter';

/** An integration's config as the emulator stores it: versioned, its topic filter in properties.eventFilter. */
export type IntegrationConfig = JsonObject & { version: number; properties: JsonObject & { eventFilter: string[] } };

export interface FlowTestContext {
  api: ExtensionApi;
  admin: EmulatorAdmin;
}

/** Registers before/after hooks: a clean emulator and session state around every test, the real prompter afterwards. */
export function useFlowTestContext(): FlowTestContext {
  const context = {} as FlowTestContext;
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    context.api = (await extension.activate()) as ExtensionApi;
    context.admin = EmulatorAdmin.fromEnvironment();
    // The Environment profile (GENESYS_ENV…) signs the extension in to the harness emulator.
    await context.api.services.requireSession();
  });
  beforeEach(async () => {
    await context.admin.reset();
    await context.admin.clearRequests();
    context.api.services.session()?.subscriptionFilters.forget();
  });
  afterEach(async () => {
    await context.api.flows.settled();
    context.api.flows.setPrompter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await context.admin.reset();
  });
  return context;
}

export function script(
  context: FlowTestContext,
  answers: Answer[],
  notifyAnswers: Record<string, string> = {},
): ScriptedPrompter {
  const prompter = new ScriptedPrompter(answers, notifyAnswers);
  context.api.flows.setPrompter(prompter);
  return prompter;
}

/** The open diff editor of our virtual documents, with both sides parsed. */
export async function openDiff(): Promise<{ label: string; before: unknown; after: unknown }> {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(
    tab && tab.input instanceof vscode.TabInputTextDiff,
    `expected a diff editor, got ${tab?.label ?? 'no tab'}`,
  );
  const input = tab.input;
  assert.equal(input.original.scheme, JSON_DOCUMENT_SCHEME);
  assert.equal(input.modified.scheme, JSON_DOCUMENT_SCHEME);
  const before = await vscode.workspace.openTextDocument(input.original);
  const after = await vscode.workspace.openTextDocument(input.modified);
  assert.equal(after.languageId, 'json');
  return { label: tab.label, before: JSON.parse(before.getText()), after: JSON.parse(after.getText()) };
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
