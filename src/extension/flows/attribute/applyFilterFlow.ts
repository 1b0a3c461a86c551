/**
 * Apply Subscription Filter… and Edit Filter…: integration → subscription → attribute key → match type → pattern
 * (regex) or values (exact). Each step asks only what the command's arguments leave open; the write happens only
 * after the last question, through writeFilterEdit.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import { MATCH_TYPES, type MatchType, type SetFilterEdit } from '../../../filters/attributeFilters';
import { validateAttributeKey, validateFilterValues } from '../../../filters/attributeKey';
import type { CommandContext } from '../../commands/commandContext';
import type { SignedInSession } from '../../services';
import type { PickItem } from '../../wizard/prompter';
import { runWizard, type WizardStep } from '../../wizard/wizard';
import { FlowArgumentError, type FlowArgs } from '../args';
import { regexValidator } from '../regexInput';
import { findSubscription } from '../subscriptionItems';
import { integrationAndSubscriptionSteps, type FilterFlowState } from './filterSteps';
import { exactValuesProblem, formatExactValues, parseExactValues } from './filterValues';
import { keySuggestions } from './keySuggestions';

export type FilterFlowMode = 'apply' | 'edit';

interface ApplyState extends FilterFlowState {
  matchType?: MatchType;
  values?: string[];
}

/** The match types as picker items (a function: localized text is looked up when the picker is shown). */
function matchTypeItem(m: MatchType): { description?: string; detail: string; icon: string } {
  switch (m) {
    case 'regex':
      return {
        description: vscode.l10n.t('default'),
        detail: vscode.l10n.t('The attribute matches an RE2 regular expression'),
        icon: 'regex',
      };
    case 'exact':
      return { detail: vscode.l10n.t('The attribute equals one of a list of values'), icon: 'symbol-string' };
    case 'exists':
      return { detail: vscode.l10n.t('The attribute is present in the event, whatever its value'), icon: 'pass' };
    case 'notexists':
      return { detail: vscode.l10n.t('The attribute is absent from the event'), icon: 'circle-slash' };
  }
}

export interface AskedFilterEdit {
  integrationId: string;
  /** The document the choices were made on: the base of the diff and of the write. */
  document: JsonObject;
  edit: SetFilterEdit;
}

/** Runs the questions; resolves with the edit and the document it was made on. */
export async function askFilterEdit(
  ctx: CommandContext,
  session: SignedInSession,
  args: FlowArgs,
  mode: FilterFlowMode,
): Promise<AskedFilterEdit> {
  const keyProblem = args.attributeKey !== undefined ? validateAttributeKey(args.attributeKey) : undefined;
  if (keyProblem) throw new FlowArgumentError(vscode.l10n.t('"{0}" is not valid: {1}.', 'attributeKey', keyProblem));
  if (args.matchType && args.values) {
    const problem = validateFilterValues(args.matchType, args.values);
    if (problem) throw new FlowArgumentError(valuesDoNotFit(args.matchType, problem));
  }
  const title = mode === 'edit' ? vscode.l10n.t('Edit Filter') : vscode.l10n.t('Apply Subscription Filter');
  const steps = [
    ...integrationAndSubscriptionSteps<ApplyState>(session, (s) =>
      vscode.l10n.t('Pick a subscription of {0}', s.integration!.name),
    ),
    keyStep(ctx, session, mode),
    matchTypeStep(),
    valuesStep(ctx),
  ];
  const done = await runWizard<ApplyState>(ctx.prompter(), title, steps, { args });
  const edit: SetFilterEdit = {
    kind: 'set',
    subscription: done.subscription!,
    key: done.key!,
    matchType: done.matchType!,
    values: done.values!,
  };
  if (args.values) await checkGivenValues(ctx, edit);
  return { integrationId: done.integration!.id, document: done.document!, edit };
}

function keyStep(ctx: CommandContext, session: SignedInSession, mode: FilterFlowMode): WizardStep<ApplyState> {
  return {
    shouldPrompt: (s) => !s.args.attributeKey,
    prompt: async (ask, s) => {
      const filters = findSubscription(s.document!, s.subscription!)!.filters;
      const existing: PickItem<string>[] = filters
        .filter((x) => x.key)
        .map((x) => ({
          label: x.key,
          description: `${x.matchType}${x.values.length ? ` ${x.values.join(', ')}` : ''}`,
          icon: 'filter',
          value: x.key,
        }));
      // Applying: also keys seen in loaded events and in the topics' schemas, each with an example value.
      const items = async (signal: AbortSignal): Promise<PickItem<string>[]> => {
        if (mode === 'edit') return existing;
        const exclude = new Set(existing.map((item) => item.value));
        const { client } = session;
        const log = ctx.services.log;
        return [...existing, ...(await keySuggestions(client, s.integration!.id, exclude, log, signal))];
      };
      s.key = await ask.pick({
        id: 'attributeKey',
        placeholder:
          mode === 'edit'
            ? vscode.l10n.t('Pick the filter of {0} to edit', s.subscription!)
            : vscode.l10n.t(
                'Type an attribute key (e.g. {0}) or pick one already filtered',
                'interaction.routing.queue.name',
              ),
        items,
        freeText:
          mode === 'edit'
            ? undefined
            : { validate: validateAttributeKey, toValue: (t) => t, description: vscode.l10n.t('new attribute key') },
        emptyMessage: vscode.l10n.t('{0} has no filters to edit.', s.subscription!),
      });
    },
    after: (s) => {
      s.key ??= s.args.attributeKey;
      if (mode === 'edit' && !existingFilter(s)) {
        throw new FlowArgumentError(
          vscode.l10n.t(
            '{0} has no filter on "{1}" to edit; use Apply Subscription Filter… to add one.',
            s.subscription!,
            s.key!,
          ),
        );
      }
    },
  };
}

function matchTypeStep(): WizardStep<ApplyState> {
  return {
    shouldPrompt: (s) => !s.args.matchType,
    prompt: async (ask, s) => {
      const current = existingFilter(s);
      const order =
        current && MATCH_TYPES.includes(current.matchType as MatchType)
          ? [current.matchType as MatchType, ...MATCH_TYPES.filter((m) => m !== current.matchType)]
          : MATCH_TYPES;
      const previousType = s.matchType;
      s.matchType = await ask.pick({
        id: 'matchType',
        placeholder: vscode.l10n.t('How should {0} match?', s.key!),
        items: order.map((m) => ({
          label: m,
          description: current?.matchType === m ? vscode.l10n.t('current') : matchTypeItem(m).description,
          detail: matchTypeItem(m).detail,
          icon: matchTypeItem(m).icon,
          value: m,
        })),
      });
      // Values typed for another match type mean something else here.
      if (previousType !== s.matchType) s.values = undefined;
    },
    after: (s) => {
      s.matchType ??= s.args.matchType;
    },
  };
}

function valuesStep(ctx: CommandContext): WizardStep<ApplyState> {
  return {
    // Counted while the match type is still open: only exists/notexists take no values.
    shouldPrompt: (s) => !s.args.values && s.matchType !== 'exists' && s.matchType !== 'notexists',
    prompt: async (ask, s) => {
      const current = existingFilter(s);
      const prefill = current && current.matchType === s.matchType ? current.values : s.values;
      if (s.matchType === 'regex') {
        const pattern = await ask.input({
          id: 'pattern',
          prompt: vscode.l10n.t(
            'RE2 regular expression that {0} must match (unanchored: add ^ and $ to match the whole value)',
            s.key!,
          ),
          placeholder: vscode.l10n.t('e.g. {0}', '^Premium'),
          value: prefill?.[0],
          validate: regexValidator(ctx.services),
        });
        s.values = [pattern];
        return;
      }
      const text = await ask.input({
        id: 'values',
        // The examples are part of the message: a translation may pick values its readers would recognise.
        prompt: vscode.l10n.t(
          'Values {0} may equal, separated by commas (a value with a comma: type a JSON list, e.g. ["Sales, EMEA", "Support"])',
          s.key!,
        ),
        placeholder: vscode.l10n.t('e.g. Premium Support, Gold Support'),
        value: prefill ? formatExactValues(prefill) : undefined,
        validate: (value) => {
          const problem = exactValuesProblem(value);
          return problem ? { severity: 'error', message: problem } : undefined;
        },
      });
      s.values = parseExactValues(text) as string[];
    },
    after: (s) => {
      if (s.args.values) s.values = s.args.values;
      else if (s.matchType === 'exists' || s.matchType === 'notexists') s.values = [];
    },
  };
}

/**
 * Values from arguments (a keybinding, a task) never went through the boxes' validation, so they get the same
 * checks here: the value rules for the match type and, for a regex, the RE2 validator.
 */
async function checkGivenValues(ctx: CommandContext, edit: SetFilterEdit): Promise<void> {
  const problem = validateFilterValues(edit.matchType, edit.values);
  if (problem) throw new FlowArgumentError(valuesDoNotFit(edit.matchType, problem));
  if (edit.matchType !== 'regex') return;
  const verdict = await regexValidator(ctx.services)(edit.values[0], new AbortController().signal);
  if (verdict?.severity === 'error') {
    throw new FlowArgumentError(vscode.l10n.t('"{0}" is not a valid RE2 pattern: {1}.', 'values', verdict.message));
  }
}

function valuesDoNotFit(matchType: string, problem: string): string {
  return vscode.l10n.t('"{0}" do not fit matchType "{1}": {2}.', 'values', matchType, problem);
}

function existingFilter(s: ApplyState) {
  return findSubscription(s.document!, s.subscription!)?.filters.find((x) => x.key === s.key);
}
