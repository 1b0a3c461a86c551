/** The question most flows start with: which EventBridge integration (skipped when the command was given one). */
import * as vscode from 'vscode';
import type { GenesysClient, IntegrationSummary } from '../../genesys/client';
import type { PickItem } from '../wizard/prompter';
import type { WizardStep } from '../wizard/wizard';
import type { FlowArgs } from './args';

export interface IntegrationRef {
  id: string;
  name: string;
}

function integrationItem(summary: IntegrationSummary): PickItem<IntegrationRef> {
  const state = summary.reportedState?.code ?? summary.intendedState;
  const healthy = !state || /^(active|enabled)$/i.test(state);
  return {
    label: summary.name || summary.id,
    description: state ? state.toLowerCase() : undefined,
    detail: summary.id,
    icon: healthy ? 'plug' : 'warning',
    value: { id: summary.id, name: summary.name || summary.id },
  };
}

async function integrationItems(client: GenesysClient, signal?: AbortSignal): Promise<PickItem<IntegrationRef>[]> {
  const all = await client.listEventBridgeIntegrations(signal);
  return all.map(integrationItem).sort((a, b) => a.label.localeCompare(b.label));
}

/** The state every integration-based flow carries. */
export interface IntegrationFlowState {
  readonly args: FlowArgs;
  integration?: IntegrationRef;
}

/**
 * Asks for the integration unless the arguments name it; the list loads while the picker shows busy, and stops
 * loading (every page request aborted) when the picker is closed before it is done. `onChange` runs when the user
 * picks (again), so a flow can drop what it loaded for the previous choice.
 */
export function integrationStep<S extends IntegrationFlowState>(
  client: GenesysClient,
  placeholder = vscode.l10n.t('Pick an EventBridge integration'),
  onChange?: (state: S) => void,
): WizardStep<S> {
  return {
    shouldPrompt: (s) => !s.args.integrationId,
    prompt: async (ask, s) => {
      s.integration = await ask.pick({
        id: 'integration',
        placeholder,
        items: (signal) => integrationItems(client, signal),
        emptyMessage: vscode.l10n.t('This org has no Amazon EventBridge integrations.'),
      });
      onChange?.(s);
    },
    after: (s) => {
      const id = s.args.integrationId;
      if (id) s.integration ??= { id, name: id };
    },
  };
}
