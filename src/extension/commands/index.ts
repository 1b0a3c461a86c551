import type * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';
import { LOAD_MORE_COMMAND, type LoadMoreNode } from '../tree/loadMoreNode';
import { copyIdCommand } from './copyId';
import { refreshCommand } from './refresh';
import { registerCommand } from './registerCommand';
import { signInCommand } from './signIn';
import { signOutCommand } from './signOut';
import { switchProfileCommand } from './switchProfile';

/** The core commands, one factory per command id (the filter and topic flows register their own). */
export function registerCoreCommands(context: vscode.ExtensionContext, host: ServiceHost): void {
  const table: Record<string, (...args: never[]) => unknown> = {
    'genesysCloud.signIn': signInCommand(host),
    'genesysCloud.signOut': signOutCommand(host),
    'genesysCloud.switchProfile': switchProfileCommand(host),
    'genesysCloud.refresh': refreshCommand(host),
    'genesysCloud.copyId': copyIdCommand(),
    'genesysCloud.showLog': () => host.log.show(),
    // Internal (not in package.json, so not in the palette): the "Load more…" row's click.
    [LOAD_MORE_COMMAND]: (row?: LoadMoreNode) => host.tree.loadMore(row ?? host.tree.rootNode.loadMoreRow),
  };
  for (const [id, handler] of Object.entries(table)) {
    registerCommand(context, host.services, id, handler);
  }
}
