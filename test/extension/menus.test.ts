/**
 * package.json's tree menus against what the tree really produces: every `viewItem` condition matches
 * a contextValue some row has, every row a user can act on has a menu, and every menu command exists.
 * A renamed contextValue otherwise silently removes the inline actions from the view.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/main';
import { ErrorNode } from '../../src/extension/tree/errorNode';
import { EXTENSION_ID, REPO_ROOT } from '../vscode/paths';
import { children, find, restoreEnvironmentProfile, type Row } from './support/extensionApi';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}
interface Manifest {
  contributes: { commands: { command: string }[]; menus: Record<string, MenuEntry[]> };
}

/** `viewItem == x` or `viewItem =~ /re/` of a when clause, as a predicate on a contextValue. */
function viewItemCondition(when: string): ((contextValue: string) => boolean) | undefined {
  const equal = /viewItem\s*==\s*([\w:.-]+)/.exec(when);
  if (equal) return (value) => value === equal[1];
  const regex = /viewItem\s*=~\s*\/(.+?)\/([a-z]*)/.exec(when);
  if (regex) {
    const re = new RegExp(regex[1], regex[2]);
    return (value) => re.test(value);
  }
  return undefined;
}

describe('tree menus in package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const itemMenus = manifest.contributes.menus['view/item/context'];
  let produced: Map<string, string>;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await restoreEnvironmentProfile(api);
    await fetch(`${process.env.EBF_EMULATOR_URL}/__emulator/reset`, { method: 'POST' });
    api.services.refresh();
    // Walk the harness emulator's tree: every row kind the org data has (healthy and unhealthy integrations,
    // topic groups and topics, subscriptions, each match type, info rows), plus an error row.
    const rows: Row[] = [];
    const walk = async (parent: Row | undefined, depth: number): Promise<void> => {
      for (const row of await children(api, parent?.node)) {
        rows.push(row);
        if (row.collapsible && depth < 3) await walk(row, depth + 1);
      }
    };
    await walk(undefined, 0);
    const integration = find(rows, 'Voice stream (tutorial)');
    const error = new ErrorNode(
      integration.node,
      `${integration.node.id}/error`,
      'Could not load: test',
      integration.node,
    );
    rows.push({ ...rows[0], node: error, label: error.message, contextValue: error.getTreeItem().contextValue });
    produced = new Map(rows.filter((r) => r.contextValue).map((r) => [r.contextValue!, r.label]));
  });

  it('every viewItem condition matches a contextValue the tree produces', () => {
    const values = [...produced.keys()];
    const dead = itemMenus.filter((entry) => {
      const condition = viewItemCondition(entry.when ?? '');
      return !condition || !values.some(condition);
    });
    assert.deepEqual(
      dead.map((e) => `${e.command} when ${e.when}`),
      [],
      `produced contextValues: ${values.join(', ')}`,
    );
  });

  it('every row kind a user can act on has a menu, and the org data shows every match type', () => {
    for (const expected of [
      'integration',
      'integration:unhealthy',
      'subscription',
      'filter:regex',
      'filter:exact',
      'filter:exists',
      'topicFilters',
      'topic',
      'error',
    ]) {
      assert.ok(
        produced.has(expected),
        `no row with contextValue ${expected}; produced: ${[...produced.keys()].join(', ')}`,
      );
    }
    const informational = new Set(['message', 'loadMore']);
    const withoutMenu = [...produced.keys()].filter(
      (value) => !informational.has(value) && !itemMenus.some((entry) => viewItemCondition(entry.when ?? '')?.(value)),
    );
    assert.deepEqual(withoutMenu, []);
  });

  it('filter rows get Edit and Remove inline, integration rows Show JSON and Copy ID, topic rows Remove', () => {
    const inline = (value: string) =>
      itemMenus
        .filter((e) => e.group?.startsWith('inline') && viewItemCondition(e.when ?? '')?.(value))
        .map((e) => e.command)
        .sort();
    assert.deepEqual(inline('filter:regex'), ['genesysCloud.editFilter', 'genesysCloud.removeFilter']);
    assert.deepEqual(inline('integration:unhealthy'), ['genesysCloud.copyId', 'genesysCloud.showIntegrationJson']);
    assert.deepEqual(inline('topic'), ['genesysCloud.removeTopicFilter']);
    assert.deepEqual(inline('error'), ['genesysCloud.refresh']);
  });

  it('every command in a menu is contributed and registered', async () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    const registered = new Set(await vscode.commands.getCommands(true));
    const used = Object.values(manifest.contributes.menus)
      .flat()
      .map((e) => e.command);
    assert.deepEqual(
      used.filter((c) => !contributed.has(c) || !registered.has(c)),
      [],
    );
  });
});
