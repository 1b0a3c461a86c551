/** Remove Filter: integration → subscription → the filter to remove (each skipped when the arguments give it). */
import * as vscode from 'vscode';
import type { RemoveFilterEdit } from '../../../filters/attributeFilters';
import { validateAttributeKey } from '../../../filters/attributeKey';
import type { CommandContext } from '../../commands/commandContext';
import type { SignedInSession } from '../../services';
import { runWizard, type WizardStep } from '../../wizard/wizard';
import { FlowArgumentError, type FlowArgs } from '../args';
import { findSubscription } from '../subscriptionItems';
import type { AskedFilterEdit } from './applyFilterFlow';
import { integrationAndSubscriptionSteps, type FilterFlowState } from './filterSteps';

export async function askFilterRemoval(
  ctx: CommandContext,
  session: SignedInSession,
  args: FlowArgs,
): Promise<Omit<AskedFilterEdit, 'edit'> & { edit: RemoveFilterEdit }> {
  const keyProblem = args.attributeKey !== undefined ? validateAttributeKey(args.attributeKey) : undefined;
  if (keyProblem) throw new FlowArgumentError(vscode.l10n.t('"{0}" is not valid: {1}.', 'attributeKey', keyProblem));
  const keyStep: WizardStep<FilterFlowState> = {
    shouldPrompt: (s) => !s.args.attributeKey,
    prompt: async (ask, s) => {
      const subscription = findSubscription(s.document!, s.subscription!)!;
      s.key = await ask.pick({
        id: 'attributeKey',
        placeholder: vscode.l10n.t('Pick the filter to remove from {0}', s.subscription!),
        items: subscription.filters.map((x) => ({
          label: x.key,
          description: `${x.matchType} ${x.values.join(', ')}`,
          icon: 'filter',
          value: x.key,
        })),
        emptyMessage: vscode.l10n.t('{0} has no filters.', s.subscription!),
      });
    },
    after: (s) => {
      s.key ??= s.args.attributeKey;
    },
  };
  const steps = [
    ...integrationAndSubscriptionSteps<FilterFlowState>(session, () =>
      vscode.l10n.t('Pick the subscription to remove a filter from'),
    ),
    keyStep,
  ];
  const done = await runWizard<FilterFlowState>(ctx.prompter(), vscode.l10n.t('Remove Filter'), steps, { args });
  const edit: RemoveFilterEdit = { kind: 'remove', subscription: done.subscription!, key: done.key! };
  return { integrationId: done.integration!.id, document: done.document!, edit };
}
