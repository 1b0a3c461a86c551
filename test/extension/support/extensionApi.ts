/** Shared by the core extension-host tests: the activated extension, labels of tree rows, profile sandboxes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/main';
import type { TreeNode } from '../../../src/extension/tree/treeNode';
import { EXTENSION_ID } from '../../vscode/paths';

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  // activate() starts loading the active profile; wait until that first reload has finished.
  await api.host.session.reload();
  return api;
}

export interface Row {
  node: TreeNode;
  label: string;
  description: string;
  contextValue: string | undefined;
  icon: string | undefined;
  collapsible: boolean;
  tooltip: string;
  command: string | undefined;
}

/** What VS Code would draw for a node: the provider's TreeItem, flattened to plain strings. */
export function rowOf(api: ExtensionApi, node: TreeNode): Row {
  // As VS Code does on hover: a row without a tooltip may build it late.
  const item = api.host.tree.resolveTreeItem(api.host.tree.getTreeItem(node), node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
  return {
    node,
    label,
    description: typeof item.description === 'string' ? item.description : '',
    contextValue: item.contextValue,
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
    collapsible: item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
    tooltip,
    command: item.command?.command,
  };
}

export async function children(api: ExtensionApi, node?: TreeNode): Promise<Row[]> {
  const nodes = await api.host.tree.getChildren(node);
  return nodes.map((n) => rowOf(api, n));
}

export function find(rows: Row[], label: string): Row {
  const row = rows.find((r) => r.label === label);
  assert.ok(row, `no row "${label}" among: ${rows.map((r) => r.label).join(' | ')}`);
  return row;
}

/**
 * Runs `body` signed in to another server through the real Sign In command (arguments form), then
 * signs out of that profile and switches back to the Environment profile the harness provides.
 */
export async function withProfile<T>(
  api: ExtensionApi,
  credentials: { environment: string; clientId: string; clientSecret: string; name: string },
  body: () => Promise<T>,
): Promise<T> {
  const result = await vscode.commands.executeCommand<{ id: string; name: string } | undefined>(
    'genesysCloud.signIn',
    credentials,
  );
  assert.ok(result, `sign-in to ${credentials.environment} failed`);
  try {
    return await body();
  } finally {
    await restoreEnvironmentProfile(api);
  }
}

/** Leaves the profiles as the harness started them: no stored profile, the Environment profile active. */
export async function restoreEnvironmentProfile(api: ExtensionApi): Promise<void> {
  for (const profile of api.host.profiles.list()) {
    if (profile.source === 'stored') {
      await api.host.profiles.remove(profile.id);
    }
  }
  await api.host.profiles.setActive('environment');
  await api.host.session.reload();
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The text of the extension host's log files once `needle` shows up in them (the "Genesys Cloud"
 * LogOutputChannel is written there; exact file names vary by VS Code version, so the folder is searched).
 */
export async function logTextContaining(api: ExtensionApi, needle: string): Promise<string> {
  const logDir = path.dirname(api.host.context.logUri.fsPath);
  let text = '';
  await waitFor(
    () => {
      text = readAll(logDir);
      return text.includes(needle);
    },
    `"${needle}" in the log files under ${logDir}`,
    8000,
  );
  return text;
}

function readAll(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((rel) => path.join(dir, rel))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}
