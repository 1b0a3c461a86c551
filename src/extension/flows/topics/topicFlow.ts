/** The shape every topic command shares: integration (unless given) → its own questions → diff, confirm, write. */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import { validateTopicEdit, type TopicEdit } from '../../../filters/topics';
import type { CommandContext } from '../../commands/commandContext';
import type { SignedInSession } from '../../services';
import { runWizard, type WizardStep } from '../../wizard/wizard';
import { FlowArgumentError, readFlowArgs, type FlowArgs } from '../args';
import { integrationStep, type IntegrationFlowState } from '../integrationPicker';
import { announceTopicWrite } from './announceTopicWrite';
import { writeTopicEdit, type TopicWriteOutcome } from './writeTopicEdit';

export interface TopicState extends IntegrationFlowState {
  /** The integration's config as read for this flow: the base of the edit, its diff and its versioned write. */
  config?: JsonObject;
  edit?: TopicEdit;
  pattern?: string;
}

export interface TopicCommand {
  title: string;
  /** The command's own questions; each sets `state.edit` (or skips when `fromArgs` answers). */
  steps: (ctx: CommandContext, session: SignedInSession) => WizardStep<TopicState>[];
  /** The edit the command's arguments give (a keybinding with `topics`), if any. */
  fromArgs?: (args: FlowArgs) => TopicEdit | undefined;
}

export async function runTopicFlow(
  ctx: CommandContext,
  arg: unknown,
  command: TopicCommand,
): Promise<TopicWriteOutcome | undefined> {
  const args = readFlowArgs(arg);
  const session = await ctx.services.requireSession();
  const given = command.fromArgs?.(args);
  const integration = integrationStep<TopicState>(session.client);
  const steps: WizardStep<TopicState>[] = [
    {
      ...integration,
      after: async (s) => {
        await integration.after?.(s);
        s.config = await session.client.getIntegrationConfig(s.integration!.id);
        if (given) s.edit = given;
      },
    },
    ...command
      .steps(ctx, session)
      .map((step) => ({ ...step, shouldPrompt: (s: TopicState) => !given && step.shouldPrompt(s) })),
  ];
  const {
    integration: chosen,
    config,
    edit,
  } = await runWizard<TopicState>(ctx.prompter(), command.title, steps, { args });
  const problem = validateTopicEdit(config!, edit!);
  if (problem) {
    if (edit!.add.length === 0 && edit!.remove.length === 0) {
      const message = vscode.l10n.t('The topic filter already matches your selection; nothing was written.');
      void ctx.prompter().notify({ id: 'unchanged', severity: 'info', message, actions: [] });
      return undefined;
    }
    throw new FlowArgumentError(vscode.l10n.t('Cannot change the topic filter: {0}.', problem));
  }
  const { id, name } = chosen!;
  const displayName = name !== id ? name : (typeof config!.name === 'string' && config!.name) || id;
  const outcome = await writeTopicEdit(ctx, { integrationId: id, name: displayName, base: config!, edit: edit! });
  if (outcome.written && outcome.applied.add.length > 0) ctx.host.walkthrough.complete('addTopicFilter');
  announceTopicWrite(ctx, outcome);
  return outcome;
}
