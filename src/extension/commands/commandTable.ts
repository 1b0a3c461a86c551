/**
 * The one command table: every command id and the factory that makes its handler from the command context.
 * package.json contributes the same ids (a test keeps them in step); `registerCommands` wraps each handler.
 */
import { applyFilterCommand, editFilterCommand, removeFilterCommand } from '../flows/attribute/filterCommands';
import { showIntegrationJsonCommand } from '../flows/showIntegrationJson';
import {
  addTopicFilterCommand,
  removeTopicFilterCommand,
  selectTopicsByRegexCommand,
} from '../flows/topics/topicCommands';
import { LOAD_MORE_COMMAND, type LoadMoreNode } from '../tree/loadMoreNode';
import { getStartedCommand } from '../walkthrough/walkthrough';
import type { CommandContext } from './commandContext';
import { copyIdCommand } from './copyId';
import { refreshCommand } from './refresh';
import { signInCommand } from './signIn';
import { signOutCommand } from './signOut';
import { switchProfileCommand } from './switchProfile';

/** Commands receive a tree node, an args object (keybindings, tasks, tests) or nothing (the palette). */
export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (ctx: CommandContext) => CommandHandler;

export const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  'genesysCloud.signIn': signInCommand,
  'genesysCloud.signOut': signOutCommand,
  'genesysCloud.switchProfile': switchProfileCommand,
  'genesysCloud.refresh': refreshCommand,
  'genesysCloud.copyId': copyIdCommand,
  'genesysCloud.showLog': (ctx) => () => ctx.host.log.show(),
  'genesysCloud.applyFilter': applyFilterCommand,
  'genesysCloud.editFilter': editFilterCommand,
  'genesysCloud.removeFilter': removeFilterCommand,
  'genesysCloud.showIntegrationJson': showIntegrationJsonCommand,
  'genesysCloud.addTopicFilter': addTopicFilterCommand,
  'genesysCloud.removeTopicFilter': removeTopicFilterCommand,
  'genesysCloud.selectTopicsByRegex': selectTopicsByRegexCommand,
  'genesysCloud.getStarted': getStartedCommand,
  // Internal (not in package.json, so not in the palette): the "Load more…" row's click.
  [LOAD_MORE_COMMAND]: (ctx) => (row?: unknown) =>
    ctx.host.tree.loadMore((row as LoadMoreNode | undefined) ?? ctx.host.tree.rootNode.loadMoreRow),
};
