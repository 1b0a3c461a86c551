/**
 * The one command table: every command id and the factory that makes its handler from the command context.
 * package.json contributes the same ids (a test keeps them in step); `registerCommands` wraps each handler.
 *
 * Activation registers every command but loads none: each command's module is a lazy edge (src/common/lazy.ts)
 * that loads on the command's first run, so the flows, the wizard, the diff and JSON code cost nothing at start-up.
 * A new command follows the same pattern: one `lazy(() => require(…))` per module, `onFirstRun` per command.
 */
import { lazy } from '../../common/lazy';
import { LOAD_MORE_COMMAND, type LoadMoreNode } from '../tree/loadMoreNode';
import type { CommandContext } from './commandContext';

/** Commands receive a tree node, an args object (keybindings, tasks, tests) or nothing (the palette). */
export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (ctx: CommandContext) => CommandHandler;

const attributeCommands = lazy(
  () => require('../flows/attribute/filterCommands') as typeof import('../flows/attribute/filterCommands'),
);
const topicCommands = lazy(
  () => require('../flows/topics/topicCommands') as typeof import('../flows/topics/topicCommands'),
);
const showJson = lazy(() => require('../flows/showIntegrationJson') as typeof import('../flows/showIntegrationJson'));
const signIn = lazy(() => require('./signIn') as typeof import('./signIn'));
const signOut = lazy(() => require('./signOut') as typeof import('./signOut'));
const switchProfile = lazy(() => require('./switchProfile') as typeof import('./switchProfile'));
const refresh = lazy(() => require('./refresh') as typeof import('./refresh'));
const copyId = lazy(() => require('./copyId') as typeof import('./copyId'));
// The preview panel, its core and re2-wasm: loaded on the command's first run, never at activation.
const exportToFile = lazy(
  () => require('../asCode/exportToFileCommand') as typeof import('../asCode/exportToFileCommand'),
);
const planFilters = lazy(
  () => require('../asCode/planFiltersCommand') as typeof import('../asCode/planFiltersCommand'),
);
const applyFilters = lazy(
  () => require('../asCode/applyFiltersCommand') as typeof import('../asCode/applyFiltersCommand'),
);
const preview = lazy(() => require('../preview/previewCommand') as typeof import('../preview/previewCommand'));
const walkthrough = lazy(() => require('../walkthrough/walkthrough') as typeof import('../walkthrough/walkthrough'));

/** A command whose module loads on its first run; the handler is made once per registration, then reused. */
export function onFirstRun(load: () => CommandFactory): CommandFactory {
  return (ctx) => {
    let handler: CommandHandler | undefined;
    return (...args) => (handler ??= load()(ctx))(...args);
  };
}

export const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  'genesysCloud.signIn': onFirstRun(() => signIn().signInCommand),
  'genesysCloud.signOut': onFirstRun(() => signOut().signOutCommand),
  'genesysCloud.switchProfile': onFirstRun(() => switchProfile().switchProfileCommand),
  'genesysCloud.refresh': onFirstRun(() => refresh().refreshCommand),
  'genesysCloud.copyId': onFirstRun(() => copyId().copyIdCommand),
  'genesysCloud.showLog': (ctx) => () => ctx.host.log.show(),
  'genesysCloud.applyFilter': onFirstRun(() => attributeCommands().applyFilterCommand),
  'genesysCloud.editFilter': onFirstRun(() => attributeCommands().editFilterCommand),
  'genesysCloud.removeFilter': onFirstRun(() => attributeCommands().removeFilterCommand),
  'genesysCloud.showIntegrationJson': onFirstRun(() => showJson().showIntegrationJsonCommand),
  'genesysCloud.addTopicFilter': onFirstRun(() => topicCommands().addTopicFilterCommand),
  'genesysCloud.removeTopicFilter': onFirstRun(() => topicCommands().removeTopicFilterCommand),
  'genesysCloud.selectTopicsByRegex': onFirstRun(() => topicCommands().selectTopicsByRegexCommand),
  'genesysCloud.previewFilter': onFirstRun(() => preview().previewFilterCommand),
  'genesysCloud.exportToFile': onFirstRun(() => exportToFile().exportToFileCommand),
  'genesysCloud.planFilters': onFirstRun(() => planFilters().planFiltersCommand),
  'genesysCloud.applyFilters': onFirstRun(() => applyFilters().applyFiltersCommand),
  'genesysCloud.getStarted': onFirstRun(() => walkthrough().getStartedCommand),
  // Internal (not in package.json, so not in the palette): the "Load more…" row's click.
  [LOAD_MORE_COMMAND]: (ctx) => (row?: unknown) =>
    ctx.host.tree.loadMore((row as LoadMoreNode | undefined) ?? ctx.host.tree.rootNode.loadMoreRow),
};
