/** Apply Subscription Filter…, Edit Filter…, Remove Filter and their Undo. */
import * as vscode from 'vscode';
import { undoEditFor, type FilterEdit, type RemoveFilterEdit } from '../../../filters/attributeFilters';
import { validateAttributeKey } from '../../../filters/attributeKey';
import type { JsonObject } from '../../../common/json';
import { FlowArgumentError, readFlowArgs } from '../args';
import type { FlowContext } from '../context';
import { MultiStepFlow } from '../input/multiStep';
import {
  findSubscription,
  pickIntegration,
  readEventBridgeDocument,
  SeedEndpointUnavailableError,
  subscriptionItems,
  type IntegrationRef,
} from '../pickers';
import { askFilterEdit, type FilterFlowMode } from './applyFilterFlow';
import { writeFilterEdit, type FilterWriteOutcome } from './writeFilterEdit';

export function applyFilterCommand(ctx: FlowContext) {
  return (arg?: unknown) => runSetFlow(ctx, arg, 'apply');
}

export function editFilterCommand(ctx: FlowContext) {
  return (arg?: unknown) => runSetFlow(ctx, arg, 'edit');
}

async function runSetFlow(
  ctx: FlowContext,
  arg: unknown,
  mode: FilterFlowMode,
): Promise<FilterWriteOutcome | undefined> {
  const args = readFlowArgs(arg);
  const client = await ctx.services.requireClient();
  try {
    const { state, edit, integrationId } = await askFilterEdit(ctx, client, args, mode);
    const outcome = await writeFilterEdit(ctx, { integrationId, snapshot: state.document, edit, verb: 'Apply' });
    announce(ctx, outcome);
    return outcome;
  } catch (err) {
    return offerTopicFilters(ctx, err);
  }
}

export function removeFilterCommand(ctx: FlowContext) {
  return async (arg?: unknown): Promise<FilterWriteOutcome | undefined> => {
    const args = readFlowArgs(arg);
    const client = await ctx.services.requireClient();
    try {
      const { document, edit, integrationId } = await askRemoval(ctx, args);
      const outcome = await writeFilterEdit(ctx, { integrationId, snapshot: document, edit, verb: 'Remove' });
      announce(ctx, outcome);
      return outcome;
    } catch (err) {
      return offerTopicFilters(ctx, err);
    }

    async function askRemoval(ctx: FlowContext, a: typeof args) {
      const keyProblem = a.attributeKey !== undefined ? validateAttributeKey(a.attributeKey) : undefined;
      if (keyProblem) throw new FlowArgumentError(`"attributeKey" is not valid: ${keyProblem}.`);
      interface RemoveState {
        integration?: IntegrationRef;
        document?: JsonObject;
        subscription?: string;
        key?: string;
      }
      const state: RemoveState = {
        integration: a.integrationId ? { id: a.integrationId, name: a.integrationId } : undefined,
        subscription: a.subscriptionName,
        key: a.attributeKey,
      };
      if (state.integration) state.document = await readEventBridgeDocument(ctx.services, client, state.integration.id);
      const given = { ...state };
      const flow = new MultiStepFlow<RemoveState>(
        ctx.prompter(),
        'Remove Filter',
        () => [!given.integration, !given.subscription, !given.key].filter(Boolean).length,
        state,
      );
      await flow.run(async function askIntegration(f, s) {
        if (!given.integration) {
          s.integration = await pickIntegration(f, client);
          s.document = undefined;
        }
        return async function askSubscription(f2, s2) {
          if (!given.subscription) {
            s2.subscription = await f2.pick({
              id: 'subscription',
              placeholder: 'Pick the subscription to remove a filter from',
              items: async (signal) =>
                subscriptionItems(
                  (s2.document ??= await readEventBridgeDocument(ctx.services, client, s2.integration!.id, signal)),
                ),
            });
          }
          return async function askKey(f3, s3) {
            const subscription = findSubscription(s3.document!, s3.subscription!);
            if (!subscription) {
              throw new FlowArgumentError(
                `Integration ${s3.integration!.name} has no subscription "${s3.subscription}".`,
              );
            }
            if (!given.key) {
              s3.key = await f3.pick({
                id: 'attributeKey',
                placeholder: `Pick the filter to remove from ${s3.subscription}`,
                items: subscription.filters.map((x) => ({
                  label: x.key,
                  description: `${x.matchType} ${x.values.join(', ')}`,
                  icon: 'filter',
                  value: x.key,
                })),
                emptyMessage: `${s3.subscription} has no filters.`,
              });
            }
            return undefined;
          };
        };
      });
      const edit: RemoveFilterEdit = { kind: 'remove', subscription: state.subscription!, key: state.key! };
      return { document: state.document!, edit, integrationId: state.integration!.id };
    }
  };
}

/**
 * The result message, with Undo for a write. Not awaited by the command: a notification waits for
 * the user, and a keybinding or test should not. Undo is computed from the document as it was just
 * before this write and goes through the same re-read, diff and confirm.
 */
function announce(ctx: FlowContext, outcome: FilterWriteOutcome, isUndo = false): void {
  const { edit } = outcome;
  if (outcome.status === 'unchanged') {
    void ctx.prompter().notify({
      id: 'unchanged',
      severity: 'info',
      message: `${edit.subscription} already has that filter on ${edit.key}; nothing was written.`,
      actions: [],
    });
    return;
  }
  const what = isUndo
    ? `Undone: the filter on ${edit.key} in ${edit.subscription} is restored.`
    : edit.kind === 'remove'
      ? `Removed the filter on ${edit.key} from ${edit.subscription}.`
      : `Applied ${edit.matchType} filter on ${edit.key} to ${edit.subscription}.`;
  const rebased = outcome.rebased ? " It was re-applied on top of someone else's newer change." : '';
  const actions = isUndo ? [] : ['Undo'];
  ctx.background('undo the filter change', async () => {
    const choice = await ctx
      .prompter()
      .notify({ id: isUndo ? 'undone' : 'written', severity: 'info', message: what + rebased, actions });
    if (choice !== 'Undo') return;
    const undo: FilterEdit = undoEditFor(outcome.before, edit);
    const client = await ctx.services.requireClient();
    const snapshot = await readEventBridgeDocument(ctx.services, client, outcome.integrationId);
    const result = await writeFilterEdit(ctx, {
      integrationId: outcome.integrationId,
      snapshot,
      edit: undo,
      verb: 'Undo',
    });
    announce(ctx, result, true);
  });
}

/** The seed endpoint is missing on this org: say so calmly and point at what does work. */
async function offerTopicFilters(ctx: FlowContext, err: unknown): Promise<undefined> {
  if (!(err instanceof SeedEndpointUnavailableError)) throw err;
  const addTopic = 'Add Topic Filter…';
  const byRegex = 'Select Topics by Regex…';
  ctx.background('open the topic filters', async () => {
    const choice = await ctx.prompter().notify({
      id: 'seedUnavailable',
      severity: 'info',
      message:
        'Attribute filters are not available for this integration on this org (its subscription-filter endpoint answers 404). You can filter which topics it sends instead.',
      actions: [addTopic, byRegex],
    });
    const args = { integrationId: err.integrationId };
    if (choice === addTopic) await vscode.commands.executeCommand('genesysCloud.addTopicFilter', args);
    if (choice === byRegex) await vscode.commands.executeCommand('genesysCloud.selectTopicsByRegex', args);
  });
  return undefined;
}
