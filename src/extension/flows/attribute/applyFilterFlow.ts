/**
 * Apply Subscription Filter… and Edit Filter…: integration → subscription → attribute key →
 * match type → pattern (regex) or values (exact). Every answer the command's arguments already
 * give is skipped; the write happens only after the last question, through writeFilterEdit.
 */
import { MATCH_TYPES, type MatchType, type SetFilterEdit } from '../../../filters/attributeFilters';
import { validateAttributeKey, validateFilterValues } from '../../../filters/attributeKey';
import type { JsonObject } from '../../../common/json';
import type { GenesysClient } from '../../../genesys/client';
import { FlowArgumentError, type FlowArgs } from '../args';
import type { FlowContext } from '../context';
import { MultiStepFlow, type Step } from '../input/multiStep';
import type { PickItem } from '../input/prompter';
import {
  findSubscription,
  pickIntegration,
  readEventBridgeDocument,
  subscriptionItems,
  type IntegrationRef,
} from '../pickers';
import { regexValidator } from '../regexInput';
import { exactValuesProblem, formatExactValues, parseExactValues } from './filterValues';

export interface ApplyState {
  integration?: IntegrationRef;
  document?: JsonObject;
  subscription?: string;
  key?: string;
  matchType?: MatchType;
  values?: string[];
}

export type FilterFlowMode = 'apply' | 'edit';

const MATCH_TYPE_ITEMS: Record<MatchType, { description: string; detail: string; icon: string }> = {
  regex: { description: 'default', detail: 'The attribute matches an RE2 regular expression', icon: 'regex' },
  exact: { description: '', detail: 'The attribute equals one of a list of values', icon: 'symbol-string' },
  exists: { description: '', detail: 'The attribute is present in the event, whatever its value', icon: 'pass' },
  notexists: { description: '', detail: 'The attribute is absent from the event', icon: 'circle-slash' },
};

/** Runs the questions; resolves with the edit and the document it was made on. */
export async function askFilterEdit(
  ctx: FlowContext,
  client: GenesysClient,
  args: FlowArgs,
  mode: FilterFlowMode,
): Promise<{ state: Required<Pick<ApplyState, 'document'>> & ApplyState; edit: SetFilterEdit; integrationId: string }> {
  const keyProblem = args.attributeKey !== undefined ? validateAttributeKey(args.attributeKey) : undefined;
  if (keyProblem) throw new FlowArgumentError(`"attributeKey" is not valid: ${keyProblem}.`);
  const state: ApplyState = {
    integration: args.integrationId ? { id: args.integrationId, name: args.integrationId } : undefined,
    subscription: args.subscriptionName,
    key: args.attributeKey,
    matchType: args.matchType,
    values: args.values,
  };
  if (args.integrationId) state.document = await readEventBridgeDocument(ctx.services, client, args.integrationId);
  if (state.matchType && state.values) {
    const problem = validateFilterValues(state.matchType, state.values);
    if (problem) throw new FlowArgumentError(`"values" do not fit matchType "${state.matchType}": ${problem}.`);
  } else if (state.matchType === 'exists' || state.matchType === 'notexists') {
    state.values = [];
  }
  const given = { ...state };
  const title = mode === 'edit' ? 'Edit Filter' : 'Apply Subscription Filter';
  const total = (s: ApplyState) =>
    [
      !given.integration,
      !given.subscription,
      !given.key,
      !given.matchType,
      !given.values && s.matchType !== 'exists' && s.matchType !== 'notexists',
    ].filter(Boolean).length;
  const flow = new MultiStepFlow<ApplyState>(ctx.prompter(), title, total, state);

  const askIntegration: Step<ApplyState> = async (f, s) => {
    if (!given.integration) {
      s.integration = await pickIntegration(f, client);
      s.document = undefined;
    }
    return askSubscription;
  };
  const askSubscription: Step<ApplyState> = async (f, s) => {
    const integration = s.integration!;
    if (!given.subscription) {
      s.subscription = await f.pick({
        id: 'subscription',
        placeholder: `Pick a subscription of ${integration.name}`,
        items: async (signal) =>
          subscriptionItems(
            (s.document ??= await readEventBridgeDocument(ctx.services, client, integration.id, signal)),
          ),
        emptyMessage: 'This integration has no subscriptions.',
      });
    } else if (!s.document) {
      s.document = await readEventBridgeDocument(ctx.services, client, integration.id);
    }
    if (!findSubscription(s.document!, s.subscription!)) {
      throw new FlowArgumentError(`Integration ${integration.name} has no subscription "${s.subscription}".`);
    }
    return askKey;
  };
  const askKey: Step<ApplyState> = async (f, s) => {
    const subscription = findSubscription(s.document!, s.subscription!)!;
    if (!given.key) {
      const items: PickItem<string>[] = subscription.filters
        .filter((x) => x.key)
        .map((x) => ({
          label: x.key,
          description: `${x.matchType}${x.values.length ? ` ${x.values.join(', ')}` : ''}`,
          icon: 'filter',
          value: x.key,
        }));
      s.key = await f.pick({
        id: 'attributeKey',
        placeholder:
          mode === 'edit'
            ? `Pick the filter of ${s.subscription} to edit`
            : 'Type an attribute key (e.g. interaction.routing.queue.name) or pick one already filtered',
        items,
        freeText:
          mode === 'edit'
            ? undefined
            : { validate: validateAttributeKey, toValue: (t) => t, description: 'new attribute key' },
        emptyMessage: `${s.subscription} has no filters to edit.`,
      });
    } else if (mode === 'edit' && !subscription.filters.some((x) => x.key === s.key)) {
      throw new FlowArgumentError(
        `${s.subscription} has no filter on "${s.key}" to edit; use Apply Subscription Filter… to add one.`,
      );
    }
    return given.matchType ? askValues : askMatchType;
  };
  const askMatchType: Step<ApplyState> = async (f, s) => {
    const current = existingFilter(s);
    const order =
      current && MATCH_TYPES.includes(current.matchType as MatchType)
        ? [current.matchType as MatchType, ...MATCH_TYPES.filter((m) => m !== current.matchType)]
        : MATCH_TYPES;
    const previousType = s.matchType;
    s.matchType = await f.pick({
      id: 'matchType',
      placeholder: `How should ${s.key} match?`,
      items: order.map((m) => ({
        label: m,
        description: current?.matchType === m ? 'current' : MATCH_TYPE_ITEMS[m].description || undefined,
        detail: MATCH_TYPE_ITEMS[m].detail,
        icon: MATCH_TYPE_ITEMS[m].icon,
        value: m,
      })),
    });
    if (!given.values && previousType !== s.matchType) s.values = undefined;
    return askValues;
  };
  const askValues: Step<ApplyState> = async (f, s) => {
    if (given.values) return undefined;
    const current = existingFilter(s);
    const prefill = current && current.matchType === s.matchType ? current.values : s.values;
    if (s.matchType === 'regex') {
      const pattern = await f.input({
        id: 'pattern',
        prompt: `RE2 regular expression that ${s.key} must match (unanchored: add ^ and $ to match the whole value)`,
        placeholder: 'e.g. ^Premium',
        value: prefill?.[0],
        validate: regexValidator(ctx.services),
      });
      s.values = [pattern];
    } else if (s.matchType === 'exact') {
      const text = await f.input({
        id: 'values',
        prompt: `Values ${s.key} may equal, separated by commas (a value with a comma: type a JSON list, e.g. ["Sales, EMEA", "Support"])`,
        placeholder: 'e.g. Premium Support, Gold Support',
        value: prefill ? formatExactValues(prefill) : undefined,
        validate: (text) => {
          const problem = exactValuesProblem(text);
          return problem ? { severity: 'error', message: problem } : undefined;
        },
      });
      s.values = parseExactValues(text) as string[];
    } else {
      s.values = [];
    }
    return undefined;
  };

  const done = await flow.run(askIntegration);
  const edit: SetFilterEdit = {
    kind: 'set',
    subscription: done.subscription!,
    key: done.key!,
    matchType: done.matchType!,
    values: done.values!,
  };
  if (given.values) await checkGivenValues(ctx, edit);
  return { state: done as ApplyState & { document: JsonObject }, edit, integrationId: done.integration!.id };
}

/**
 * Values from arguments (a keybinding, a task) never went through the boxes' validation, so they get
 * the same checks here: the value rules for the match type and, for a regex, the RE2 validator.
 */
async function checkGivenValues(ctx: FlowContext, edit: SetFilterEdit): Promise<void> {
  const problem = validateFilterValues(edit.matchType, edit.values);
  if (problem) throw new FlowArgumentError(`"values" do not fit matchType "${edit.matchType}": ${problem}.`);
  if (edit.matchType !== 'regex') return;
  const verdict = await regexValidator(ctx.services)(edit.values[0], new AbortController().signal);
  if (verdict?.severity === 'error') {
    throw new FlowArgumentError(`"values" is not a valid RE2 pattern: ${verdict.message}.`);
  }
}

function existingFilter(s: ApplyState) {
  return findSubscription(s.document!, s.subscription!)?.filters.find((x) => x.key === s.key);
}
