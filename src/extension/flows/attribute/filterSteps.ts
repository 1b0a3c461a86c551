/** The questions the attribute filter flows share: the subscription, and the document it is read from. */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import type { SignedInSession } from '../../services';
import type { WizardStep } from '../../wizard/wizard';
import { FlowArgumentError } from '../args';
import { integrationStep, type IntegrationFlowState } from '../integrationPicker';
import { findSubscription, subscriptionItems } from '../subscriptionItems';

export interface FilterFlowState extends IntegrationFlowState {
  /** The integration's EventBridge document as read for this flow: the base of the edit and of its diff. */
  document?: JsonObject;
  subscription?: string;
  key?: string;
}

/** The integration (a new choice drops the document read for the previous one) and its subscription. */
export function integrationAndSubscriptionSteps<S extends FilterFlowState>(
  session: SignedInSession,
  placeholder: (state: S) => string,
): WizardStep<S>[] {
  const read = (s: S, signal?: AbortSignal) => session.subscriptionFilters.readDocument(s.integration!.id, signal);
  const integration = integrationStep<S>(session.client, undefined, (s) => (s.document = undefined));
  return [
    {
      ...integration,
      after: async (s) => {
        await integration.after?.(s);
        // Given by the command (a tree row, a keybinding): read now, so an org without the endpoint is told at once.
        if (s.args.integrationId) s.document ??= await read(s);
      },
    },
    {
      shouldPrompt: (s) => !s.args.subscriptionName,
      prompt: async (ask, s) => {
        s.subscription = await ask.pick({
          id: 'subscription',
          placeholder: placeholder(s),
          // Read while the picker shows busy; Escape aborts the read.
          items: async (signal) => subscriptionItems((s.document ??= await read(s, signal))),
          emptyMessage: vscode.l10n.t('This integration has no subscriptions.'),
        });
      },
      after: async (s) => {
        s.subscription ??= s.args.subscriptionName;
        s.document ??= await read(s);
        if (!findSubscription(s.document, s.subscription!)) {
          throw new FlowArgumentError(
            vscode.l10n.t('Integration {0} has no subscription "{1}".', s.integration!.name, s.subscription!),
          );
        }
      },
    },
  ];
}
