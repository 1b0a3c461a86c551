/**
 * Which filters to preview: integration (its topic filter, from config/current, so this works on every org) →
 * subscription (its attribute filters) or the topic filter alone. Each question is skipped when the command's
 * arguments (a tree row, a keybinding) answer it; an org without the subscription-filter endpoint previews the
 * topic filter and says why.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import { readEventBridgeProperties } from '../../filters/topics';
import type { SignedInSession } from '../services';
import { isSubscriptionFiltersUnavailable } from '../subscriptionFilterAvailability';
import type { PickItem } from '../wizard/prompter';
import type { WizardStep } from '../wizard/wizard';
import { FlowArgumentError } from '../flows/args';
import { integrationStep, type IntegrationFlowState } from '../flows/integrationPicker';
import { findSubscription, subscriptionItems } from '../flows/subscriptionItems';
import type { PreviewArgs, PreviewFilters } from './previewInputs';

export interface TargetState extends IntegrationFlowState {
  readonly args: PreviewArgs;
  config?: JsonObject;
  /** The EventBridge document; undefined where the subscription-filter endpoint is unavailable. */
  document?: JsonObject;
  subscriptionsUnavailable?: boolean;
  /** The subscription to preview; null: the topic filter alone. */
  subscription?: string | null;
}

export function targetSteps<S extends TargetState>(session: SignedInSession): WizardStep<S>[] {
  const integration = integrationStep<S>(
    session.client,
    vscode.l10n.t('Pick the integration whose filters to preview'),
  );
  return [
    {
      ...integration,
      after: async (s) => {
        await integration.after?.(s);
        await readIntegration(session, s);
      },
    },
    {
      shouldPrompt: (s) => !s.args.subscriptionName && !s.args.topicFilterOnly && !s.subscriptionsUnavailable,
      prompt: async (ask, s) => {
        const topicOnly: PickItem<string | null> = {
          label: vscode.l10n.t('Topic filter only'),
          description: vscode.l10n.t('{0} topics', topicsOf(s).length),
          detail: vscode.l10n.t('Which events the integration sends at all, before any subscription filter'),
          icon: 'list-filter',
          group: vscode.l10n.t('Integration'),
          value: null,
        };
        s.subscription = await ask.pick<string | null>({
          id: 'previewSubscription',
          placeholder: vscode.l10n.t('Pick the subscription whose filters to preview'),
          items: [...subscriptionItems(s.document ?? {}), topicOnly],
        });
      },
      after: (s) => {
        if (s.subscription !== undefined) return;
        s.subscription = s.args.topicFilterOnly || s.subscriptionsUnavailable ? null : s.args.subscriptionName;
        if (s.subscription && !findSubscription(s.document!, s.subscription)) {
          throw new FlowArgumentError(
            vscode.l10n.t('Integration {0} has no subscription "{1}".', s.integration!.name, s.subscription),
          );
        }
      },
    },
  ];
}

/** config/current for the topic filter; the EventBridge document unless the org lacks its endpoint. */
async function readIntegration(session: SignedInSession, s: TargetState): Promise<void> {
  const id = s.integration!.id;
  s.config = await session.client.getIntegrationConfig(id);
  if (s.args.topicFilterOnly) return;
  try {
    s.document = await session.subscriptionFilters.readDocument(id);
  } catch (err) {
    // A subscription named by the arguments cannot be previewed without the document: that is an error then.
    if (!isSubscriptionFiltersUnavailable(err) || s.args.subscriptionName) throw err;
    s.subscriptionsUnavailable = true;
  }
}

function topicsOf(s: TargetState): string[] {
  return readEventBridgeProperties(s.config!).eventFilter;
}

/** The filters the answers name, with the draft of the arguments (a keybinding) on top. */
export function filtersOf(s: TargetState): PreviewFilters {
  const { args } = s;
  const integrationName = integrationNameOf(s);
  const subscription = s.subscription ?? undefined;
  const notes: string[] = [];
  if (s.subscriptionsUnavailable) {
    notes.push(
      vscode.l10n.t(
        'Attribute filters are not available for this integration on this org (its subscription-filter endpoint answers 404): only its topic filter is previewed.',
      ),
    );
  }
  const draft =
    args.attributeKey && args.matchType
      ? { key: args.attributeKey, matchType: args.matchType, values: args.values ?? [] }
      : undefined;
  return {
    title: subscription ? `${subscription} · ${integrationName}` : vscode.l10n.t('Topic filter · {0}', integrationName),
    integrationId: s.integration!.id,
    integrationName,
    topicFilter: topicsOf(s),
    subscription: subscription ? { document: s.document!, name: subscription } : undefined,
    draft,
    notes,
    focusKey: draft ? undefined : args.attributeKey,
  };
}

function integrationNameOf(s: TargetState): string {
  const { id, name } = s.integration!;
  if (name !== id) return name;
  return typeof s.config?.name === 'string' && s.config.name ? s.config.name : id;
}
