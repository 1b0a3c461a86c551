/**
 * Record live events…: which of the integration's topics can be recorded (the Notifications API delivers only topics
 * whose transports include WebSocket, and only with concrete ids in place of `{id}`), the ids they need and for how
 * long — then one channel's events into a JSON Lines file in the extension's storage, which the preview reads like
 * any file and the panel offers to save. Questions first, the channel only after the last answer.
 */
import * as vscode from 'vscode';
import { planTap, type TapPlanEntry } from '../../filters/preview/tapPlan';
import { validateTopicName } from '../../filters/topics';
import type { GenesysClient } from '../../genesys/client';
import type { CommandContext } from '../commands/commandContext';
import type { WizardStep } from '../wizard/wizard';
import { FlowArgumentError } from '../flows/args';
import type { EventsState } from './eventSources';
import { topicCatalogue } from '../orgTopics';

export interface RecordState extends EventsState {
  /** The integration's topic-filter entries chosen for recording (may still hold `{id}`). */
  liveTopics?: string[];
  /** Ids typed per placeholder kind ("users" → user ids), see idQuestions. */
  liveIds?: Record<string, string[]>;
  liveSeconds?: number;
}

/** One question per kind of id: `v2.users.{id}.presence` and `v2.users.{id}.routingStatus` share the user ids. */
export interface IdQuestion {
  /** The segment before `{id}` ("users", "queues", "entitytype"…). */
  kind: string;
  topics: string[];
}

const MAX_ID_QUESTIONS = 6;
const DEFAULT_SECONDS = 30;
const MAX_SECONDS = 24 * 60 * 60;
const ID = /^[^\s.{}]+$/;

export function idQuestions(topics: readonly string[]): IdQuestion[] {
  const byKind = new Map<string, IdQuestion>();
  for (const topic of topics) {
    const segments = topic.split('.');
    segments.forEach((segment, i) => {
      if (segment !== '{id}') return;
      const kind = segments[i - 1] ?? '';
      let question = byKind.get(kind);
      if (!question) byKind.set(kind, (question = { kind, topics: [] }));
      if (!question.topics.includes(topic)) question.topics.push(topic);
    });
  }
  return [...byKind.values()];
}

/** Every chosen topic with each typed id in place of its `{id}`s (all combinations). */
export function concreteTopics(topics: readonly string[], ids: Readonly<Record<string, string[]>>): string[] {
  const all = topics.flatMap((topic) => {
    const segments = topic.split('.');
    let partial: string[][] = [[]];
    segments.forEach((segment, i) => {
      const options = segment === '{id}' ? (ids[segments[i - 1] ?? ''] ?? []) : [segment];
      partial = partial.flatMap((prefix) => options.map((option) => [...prefix, option]));
    });
    return partial.map((s) => s.join('.'));
  });
  return [...new Set(all)];
}

/** The recording questions; `topicFilter` gives the integration's topic filter once it has been read. */
export function recordSteps<S extends RecordState>(
  ctx: CommandContext,
  client: GenesysClient,
  topicFilter: (state: S) => string[],
): WizardStep<S>[] {
  const recording = (s: S) => s.source?.kind === 'record';
  const idStep = (n: number): WizardStep<S> => ({
    shouldPrompt: (s) => recording(s) && n < idQuestions(s.liveTopics ?? []).length,
    prompt: async (ask, s) => {
      const { kind, topics } = idQuestions(s.liveTopics ?? [])[n];
      const text = await ask.input({
        id: 'liveIds',
        // {id} is an argument: l10n would read it as a named placeholder (and the export skips a commented message).
        prompt: vscode.l10n.t(
          'Ids to put in place of {0} after "{1}." in {2} — several separated by commas',
          '{id}',
          kind,
          topics.join(', '),
        ),
        placeholder: placeholderFor(kind),
        value: s.liveIds?.[kind]?.join(', '),
        validate: (value) => {
          const problem = idsProblem(value);
          return problem ? { severity: 'error', message: problem } : undefined;
        },
      });
      s.liveIds = { ...s.liveIds, [kind]: splitIds(text) };
    },
  });
  return [
    {
      shouldPrompt: recording,
      prompt: async (ask, s) => {
        const choices = await recordableTopics(ctx, client, topicFilter(s));
        s.liveTopics = await ask.pickMany({
          id: 'liveTopics',
          placeholder: choices.placeholder,
          items: choices.entries.map((e) => ({
            label: e.topic,
            description: e.tappable === undefined ? vscode.l10n.t('transports unknown: may be refused') : undefined,
            icon: 'broadcast',
            picked: choices.entries.length === 1,
            value: e.topic,
          })),
          freeText: {
            validate: (t) => validateTopicName(t) ?? choices.refusal(t),
            toValue: (t) => t,
            description: vscode.l10n.t('record this topic'),
          },
        });
        if (idQuestions(s.liveTopics).length > MAX_ID_QUESTIONS) {
          throw new FlowArgumentError(vscode.l10n.t('Pick topics with at most {0} kinds of id.', MAX_ID_QUESTIONS));
        }
      },
    },
    ...Array.from({ length: MAX_ID_QUESTIONS }, (_, n) => idStep(n)),
    {
      shouldPrompt: recording,
      prompt: async (ask, s) => {
        const text = await ask.input({
          id: 'liveSeconds',
          prompt: vscode.l10n.t(
            'Record for how many seconds? Cancel the progress to stop early and keep what arrived.',
          ),
          value: String(s.liveSeconds ?? DEFAULT_SECONDS),
          validate: (value) => {
            const n = Number(value.trim());
            return Number.isInteger(n) && n >= 1 && n <= MAX_SECONDS
              ? undefined
              : { severity: 'error', message: vscode.l10n.t('Type a whole number of seconds from 1 to 86400 (24 h).') };
          },
        });
        s.liveSeconds = Number(text.trim());
      },
    },
  ];
}

interface RecordableTopics {
  entries: TapPlanEntry[];
  placeholder: string;
  /** Why a typed topic cannot be recorded, if it cannot. */
  refusal(topic: string): string | undefined;
}

/** The entries WebSocket may deliver; says which ones it does not, and refuses when none is left. */
async function recordableTopics(
  ctx: CommandContext,
  client: GenesysClient,
  topicFilter: string[],
): Promise<RecordableTopics> {
  const catalogue = await topicCatalogue(client);
  const plan = planTap(topicFilter, catalogue ?? []);
  const entries = plan.entries.filter((e) => e.tappable !== false);
  const refused = plan.entries.filter((e) => e.tappable === false).map((e) => e.topic);
  const onlyEventBridge = vscode.l10n.t(
    'delivered only to EventBridge, not over WebSocket: it cannot be recorded live',
  );
  if (refused.length > 0 && entries.length === 0) {
    throw new FlowArgumentError(
      vscode.l10n.t(
        "None of the integration's topics can be recorded live: {0} {1}. Preview a file of events delivered to AWS instead.",
        refused.join(', '),
        refused.length === 1
          ? vscode.l10n.t('is delivered only to EventBridge')
          : vscode.l10n.t('are delivered only to EventBridge'),
      ),
    );
  }
  if (refused.length > 0) {
    void ctx.prompter().notify({
      id: 'notRecordable',
      severity: 'info',
      message: vscode.l10n.t(
        "{0} of the integration's {1} topics cannot be recorded live — the Notifications API delivers them only to EventBridge: {2}",
        refused.length,
        plan.entries.length,
        refused.join(', '),
      ),
      actions: [],
    });
  }
  const placeholder =
    topicFilter.length === 0
      ? vscode.l10n.t('The topic filter is empty (every topic is sent): type a topic to record and press Enter')
      : catalogue === undefined
        ? vscode.l10n.t(
            'Topics to record (this OAuth client may not read the catalogue, so the platform may refuse some)',
          )
        : vscode.l10n.t('Topics to record live ({0} of {1} can be)', entries.length, plan.entries.length);
  return {
    entries,
    placeholder,
    refusal: (topic) => (refused.includes(topic) ? onlyEventBridge : undefined),
  };
}

function placeholderFor(kind: string): string {
  switch (kind) {
    case 'users':
      return vscode.l10n.t('e.g. a user id: 278522be-1683-4877-8257-4164a177be89');
    case 'queues':
      return vscode.l10n.t('e.g. a queue id');
    case 'entitytype':
      return vscode.l10n.t('e.g. UserPresence');
    default:
      return vscode.l10n.t('e.g. an id of the {0}', kind);
  }
}

function splitIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
  ];
}

function idsProblem(text: string): string | undefined {
  const ids = splitIds(text);
  if (ids.length === 0) return vscode.l10n.t('Type at least one id.');
  const bad = ids.find((id) => !ID.test(id));
  return bad ? vscode.l10n.t('"{0}" is not an id: no spaces, dots or braces.', bad) : undefined;
}
