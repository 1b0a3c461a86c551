/** Add Topic Filter…, Remove Topic Filter and Select Topics by Regex… (topic filtering via config/current). */
import * as vscode from 'vscode';
import { readEventBridgeProperties, topicListProblem, validateTopicName } from '../../../filters/topics';
import type { CommandContext } from '../../commands/commandContext';
import type { SignedInSession } from '../../services';
import type { PickItem } from '../../wizard/prompter';
import type { WizardQuestions, WizardStep } from '../../wizard/wizard';
import { counts } from '../../counts';
import { regexValidator } from '../regexInput';
import { availableTopics } from '../../orgTopics';
import { topicMatcher } from './topicMatcher';
import { runTopicFlow, type TopicState } from './topicFlow';

export function addTopicFilterCommand(ctx: CommandContext) {
  return (arg?: unknown) =>
    runTopicFlow(ctx, arg, {
      title: vscode.l10n.t('Add Topic Filter'),
      steps: (_ctx, session) => [topicsToAddStep(session)],
      fromArgs: (args) => (args.topics ? { add: args.topics, remove: [] } : undefined),
    });
}

export function removeTopicFilterCommand(ctx: CommandContext) {
  return (arg?: unknown) =>
    runTopicFlow(ctx, arg, {
      title: vscode.l10n.t('Remove Topic Filter'),
      steps: () => [topicsToRemoveStep()],
      fromArgs: (args) => (args.topics ? { add: [], remove: args.topics } : undefined),
    });
}

export function selectTopicsByRegexCommand(ctx: CommandContext) {
  return (arg?: unknown) =>
    runTopicFlow(ctx, arg, {
      title: vscode.l10n.t('Select Topics by Regex'),
      steps: (c, session) => [patternStep(c, session), matchingTopicsStep(session)],
    });
}

function topicsToAddStep(session: SignedInSession): WizardStep<TopicState> {
  return {
    shouldPrompt: () => true,
    prompt: async (ask, s) => {
      const current = new Set(readEventBridgeProperties(s.config!).eventFilter);
      const topics = await availableTopics(session.client);
      if (!topics) {
        s.edit = { add: await typeTopics(ask, current, 'add'), remove: [] };
        return;
      }
      const add = await ask.pickMany({
        id: 'topics',
        placeholder: vscode.l10n.t('Check topics to add, or type a topic name and press Enter'),
        items: topics
          .filter((t) => !current.has(t.id))
          .map((t): PickItem<string> => ({ label: t.id, description: t.description, value: t.id })),
        freeText: {
          validate: (t) =>
            validateTopicName(t) ?? (current.has(t) ? vscode.l10n.t('already in the topic filter') : undefined),
          toValue: (t) => t,
          description: vscode.l10n.t('add this topic'),
        },
      });
      s.edit = { add, remove: [] };
    },
  };
}

function topicsToRemoveStep(): WizardStep<TopicState> {
  return {
    shouldPrompt: () => true,
    prompt: async (ask, s) => {
      const current = readEventBridgeProperties(s.config!).eventFilter;
      const remove = await ask.pickMany({
        id: 'topics',
        placeholder: vscode.l10n.t('Check the topics to remove from the filter'),
        items: current.map((t) => ({ label: t, icon: 'symbol-event', value: t })),
        emptyMessage: vscode.l10n.t('This integration has no topic filters.'),
      });
      s.edit = { add: [], remove };
    },
  };
}

function patternStep(ctx: CommandContext, session: SignedInSession): WizardStep<TopicState> {
  return {
    shouldPrompt: () => true,
    prompt: async (ask, s) => {
      // Started now so the list loads while the user types the pattern.
      availableTopics(session.client).catch(() => undefined);
      s.pattern = await ask.input({
        id: 'pattern',
        prompt: vscode.l10n.t(
          'RE2 regular expression for topic names (unanchored), e.g. {0}',
          '^v2\\.routing\\.queues\\.',
        ),
        placeholder: vscode.l10n.t('e.g. {0}', '^v2\\.detail\\.events\\.conversation\\.'),
        value: s.pattern,
        validate: regexValidator(ctx.services),
      });
    },
  };
}

function matchingTopicsStep(session: SignedInSession): WizardStep<TopicState> {
  return {
    shouldPrompt: () => true,
    prompt: async (ask, s) => {
      const current = readEventBridgeProperties(s.config!).eventFilter;
      const currentSet = new Set(current);
      const topics = await availableTopics(session.client);
      if (!topics) {
        s.edit = { add: await typeTopics(ask, currentSet, 'select'), remove: [] };
        return;
      }
      const matches = topicMatcher(s.pattern!);
      const matchedIds = new Set([...topics.map((t) => t.id), ...current].filter(matches));
      const described = new Map(topics.map((t) => [t.id, t.description]));
      const items = [...matchedIds].sort().map((id): PickItem<string> => {
        const description = described.get(id);
        const inFilter = description
          ? vscode.l10n.t('in the filter · {0}', description)
          : vscode.l10n.t('in the filter');
        return {
          label: id,
          description: currentSet.has(id) ? inFilter : description,
          picked: currentSet.has(id),
          value: id,
        };
      });
      const chosen = new Set(
        await ask.pickMany({
          id: 'topics',
          // Short: the filter box is narrow, and the pattern is one step back.
          placeholder: items.length
            ? vscode.l10n.t('{0}: checked ones will be in the filter', counts.matchingTopics(items.length))
            : vscode.l10n.t('No available topic matches: go back and change the pattern'),
          items,
          allowNone: items.length > 0,
        }),
      );
      s.edit = {
        add: [...chosen].filter((t) => !currentSet.has(t)),
        remove: [...matchedIds].filter((t) => currentSet.has(t) && !chosen.has(t)),
      };
    },
  };
}

/** When the org's topic list may not be read (403): one box, names separated by spaces or commas. */
async function typeTopics(ask: WizardQuestions, current: Set<string>, mode: 'add' | 'select'): Promise<string[]> {
  const split = (text: string) => text.split(/[\s,]+/).filter((t) => t.length > 0);
  const text = await ask.input({
    id: 'topicNames',
    prompt:
      mode === 'add'
        ? vscode.l10n.t(
            "This OAuth client may not list the org's topics (403), so type the topic names to add, separated by spaces or commas",
          )
        : vscode.l10n.t(
            "This OAuth client may not list the org's topics (403), so type the topic names to put in the filter, separated by spaces or commas",
          ),
    placeholder: vscode.l10n.t('e.g. {0}', 'v2.detail.events.conversation.{id}.customer.start'),
    validate: (value) => {
      const names = split(value);
      if (names.length === 0) return { severity: 'error', message: vscode.l10n.t('Type at least one topic name.') };
      const there = names.find((name) => current.has(name));
      const problem =
        topicListProblem(names) ?? (there ? vscode.l10n.t('{0}: already in the topic filter', there) : undefined);
      return problem ? { severity: 'error', message: problem } : undefined;
    },
  });
  return split(text);
}
