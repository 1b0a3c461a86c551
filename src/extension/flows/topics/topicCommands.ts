/** Add Topic Filter…, Remove Topic Filter and Select Topics by Regex… (topic filtering via config/current). */
import { plural } from '../../../common/text';
import {
  readEventBridgeProperties,
  validateTopicEdit,
  validateTopicName,
  type TopicEdit,
} from '../../../filters/topics';
import type { JsonObject } from '../../../common/json';
import type { GenesysClient } from '../../../genesys/client';
import { FlowArgumentError, readFlowArgs, type FlowArgs } from '../args';
import type { FlowContext } from '../context';
import { MultiStepFlow, type Step } from '../input/multiStep';
import type { PickItem } from '../input/prompter';
import { pickIntegration, type IntegrationRef } from '../pickers';
import { regexValidator } from '../regexInput';
import { announceTopicWrite } from './announceTopicWrite';
import { availableTopics, topicMatcher } from './availableTopics';
import { writeTopicEdit, type TopicWriteOutcome } from './writeTopicEdit';

interface TopicState {
  integration?: IntegrationRef;
  config?: JsonObject;
  edit?: TopicEdit;
  pattern?: string;
}

/** The command's own questions: steps that end by setting `state.edit`. */
type TopicSteps = Step<TopicState>;

/** Wraps a one-question step: `ask` resolves with the edit. */
function singleQuestion(
  ask: (flow: MultiStepFlow<TopicState>, state: TopicState & { config: JsonObject }) => Promise<TopicEdit>,
): TopicSteps {
  return async (flow, state) => {
    state.edit = await ask(flow, state as TopicState & { config: JsonObject });
    return undefined;
  };
}

/** Integration (unless given) → the command's own question → diff, confirm, versioned write. */
async function runTopicFlow(
  ctx: FlowContext,
  arg: unknown,
  title: string,
  questions: number,
  ask: TopicSteps,
  fromArgs?: (args: FlowArgs) => TopicEdit | undefined,
): Promise<TopicWriteOutcome | undefined> {
  const args = readFlowArgs(arg);
  const client = await ctx.services.requireClient();
  const state: TopicState = {
    integration: args.integrationId ? { id: args.integrationId, name: args.integrationId } : undefined,
  };
  const given = fromArgs?.(args);
  const flow = new MultiStepFlow<TopicState>(
    ctx.prompter(),
    title,
    () => (args.integrationId ? 0 : 1) + (given ? 0 : questions),
    state,
  );
  const askIntegration: Step<TopicState> = async (f, s) => {
    if (!args.integrationId) s.integration = await pickIntegration(f, client);
    s.config = await readConfig(client, s.integration!.id);
    if (!given) return ask;
    s.edit = given;
    return undefined;
  };
  await flow.run(askIntegration);
  const { integration, config, edit } = state as Required<TopicState>;
  const problem = validateTopicEdit(config, edit);
  if (problem) {
    if (edit.add.length === 0 && edit.remove.length === 0) {
      void ctx.prompter().notify({
        id: 'unchanged',
        severity: 'info',
        message: 'The topic filter already matches your selection; nothing was written.',
        actions: [],
      });
      return undefined;
    }
    throw new FlowArgumentError(`Cannot change the topic filter: ${problem}.`);
  }
  const name =
    integration.name !== integration.id
      ? integration.name
      : (typeof config.name === 'string' && config.name) || integration.id;
  const outcome = await writeTopicEdit(ctx, integration.id, name, config, edit);
  announceTopicWrite(ctx, outcome);
  return outcome;
}

function readConfig(client: GenesysClient, id: string): Promise<JsonObject> {
  return client.getIntegrationConfig(id);
}

export function addTopicFilterCommand(ctx: FlowContext) {
  return (arg?: unknown) =>
    runTopicFlow(ctx, arg, 'Add Topic Filter', 1, askTopicsToAdd(ctx), (args) =>
      args.topics ? { add: args.topics, remove: [] } : undefined,
    );
}

function askTopicsToAdd(ctx: FlowContext): TopicSteps {
  return singleQuestion(async (flow, s) => {
    const current = new Set(readEventBridgeProperties(s.config).eventFilter);
    const client = await ctx.services.requireClient();
    const freeText = {
      validate: (t: string) => validateTopicName(t) ?? (current.has(t) ? 'already in the topic filter' : undefined),
      toValue: (t: string) => t,
      description: 'add this topic',
    };
    const topics = await availableTopics(client);
    if (!topics) return { add: await typeTopics(flow, current, 'add'), remove: [] };
    const add = await flow.pickMany({
      id: 'topics',
      placeholder: 'Check topics to add, or type a topic name and press Enter',
      items: topics
        .filter((t) => !current.has(t.id))
        .map((t): PickItem<string> => ({ label: t.id, description: t.description, value: t.id })),
      freeText,
    });
    return { add, remove: [] };
  });
}

/** When the org's topic list may not be read (403): one box, names separated by spaces or commas. */
async function typeTopics(
  flow: MultiStepFlow<TopicState>,
  current: Set<string>,
  mode: 'add' | 'select',
): Promise<string[]> {
  const split = (text: string) => text.split(/[\s,]+/).filter((t) => t.length > 0);
  const text = await flow.input({
    id: 'topicNames',
    prompt: `This OAuth client may not list the org's topics (403), so type the topic names to ${mode === 'add' ? 'add' : 'put in the filter'}, separated by spaces or commas`,
    placeholder: 'e.g. v2.detail.events.conversation.{id}.customer.start',
    validate: (value) => {
      const names = split(value);
      if (names.length === 0) return { severity: 'error', message: 'Type at least one topic name.' };
      for (const name of names) {
        const problem = validateTopicName(name) ?? (current.has(name) ? 'already in the topic filter' : undefined);
        if (problem) return { severity: 'error', message: `${name}: ${problem}` };
      }
      const duplicate = names.find((n, i) => names.indexOf(n) !== i);
      if (duplicate) return { severity: 'error', message: `${duplicate} is given more than once` };
      return undefined;
    },
  });
  return split(text);
}

export function removeTopicFilterCommand(ctx: FlowContext) {
  return (arg?: unknown) =>
    runTopicFlow(
      ctx,
      arg,
      'Remove Topic Filter',
      1,
      singleQuestion(async (flow, s) => {
        const current = readEventBridgeProperties(s.config).eventFilter;
        const remove = await flow.pickMany({
          id: 'topics',
          placeholder: 'Check the topics to remove from the filter',
          items: current.map((t) => ({ label: t, icon: 'symbol-event', value: t })),
          emptyMessage: 'This integration has no topic filters.',
        });
        return { add: [], remove };
      }),
      (args) => (args.topics ? { add: [], remove: args.topics } : undefined),
    );
}

export function selectTopicsByRegexCommand(ctx: FlowContext) {
  return (arg?: unknown) => runTopicFlow(ctx, arg, 'Select Topics by Regex', 2, askPattern(ctx));
}

function askPattern(ctx: FlowContext): TopicSteps {
  return async (flow, s) => {
    const client = await ctx.services.requireClient();
    // Started now so the list loads while the user types the pattern.
    availableTopics(client).catch(() => undefined);
    s.pattern = await flow.input({
      id: 'pattern',
      prompt: 'RE2 regular expression for topic names (unanchored), e.g. ^v2\\.routing\\.queues\\.',
      placeholder: 'e.g. ^v2\\.detail\\.events\\.conversation\\.',
      value: s.pattern,
      validate: regexValidator(ctx.services),
    });
    return askMatchingTopics(client);
  };
}

function askMatchingTopics(client: GenesysClient): TopicSteps {
  return async (flow, s) => {
    const pattern = s.pattern!;
    const current = readEventBridgeProperties(s.config!).eventFilter;
    const currentSet = new Set(current);
    const topics = await availableTopics(client);
    if (!topics) {
      s.edit = { add: await typeTopics(flow, currentSet, 'select'), remove: [] };
      return undefined;
    }
    const matches = topicMatcher(pattern);
    const matchedIds = new Set([...topics.map((t) => t.id), ...current].filter(matches));
    const described = new Map(topics.map((t) => [t.id, t.description]));
    const items = [...matchedIds].sort().map((id): PickItem<string> => ({
      label: id,
      description: currentSet.has(id)
        ? `in the filter${described.get(id) ? ` · ${described.get(id)}` : ''}`
        : described.get(id),
      picked: currentSet.has(id),
      value: id,
    }));
    const chosen = new Set(
      await flow.pickMany({
        id: 'topics',
        // Short: the filter box is narrow, and the pattern is one step back.
        placeholder: items.length
          ? `${plural(items.length, 'matching topic')}: checked ones will be in the filter`
          : 'No available topic matches: go back and change the pattern',
        items,
        allowNone: items.length > 0,
      }),
    );
    s.edit = {
      add: [...chosen].filter((t) => !currentSet.has(t)),
      remove: [...matchedIds].filter((t) => currentSet.has(t) && !chosen.has(t)),
    };
    return undefined;
  };
}
