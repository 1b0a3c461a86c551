/**
 * The one multi-step engine, with a recording prompter: step numbers derived from `shouldPrompt`, steps the
 * arguments answer skipped (and not counted), Back to the last step that asked, `after` run either way.
 * The engine has no `vscode` import, so it runs under node's test runner.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BACK,
  type Back,
  type ConfirmOptions,
  type InputOptions,
  type NotifyOptions,
  type PickManyOptions,
  type PickOptions,
  type Prompter,
} from '../../../src/extension/wizard/prompter';
import { runWizard, type WizardStep } from '../../../src/extension/wizard/wizard';

/** Answers inputs from a list (BACK included) and records every title it was shown. */
class ListPrompter implements Prompter {
  readonly shown: string[] = [];
  readonly backButtons: boolean[] = [];
  constructor(private readonly answers: (string | Back)[]) {}
  input(options: InputOptions): Promise<string | Back> {
    this.shown.push(`${options.id} ${options.step}/${options.totalSteps}`);
    this.backButtons.push(options.canGoBack);
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`no answer left for ${options.id}`);
    return Promise.resolve(answer);
  }
  pick<T>(options: PickOptions<T>): Promise<T | Back> {
    return this.input({ ...options, prompt: '' }) as Promise<T | Back>;
  }
  pickMany<T>(_options: PickManyOptions<T>): Promise<T[] | Back> {
    throw new Error('not used');
  }
  confirm(_options: ConfirmOptions): Promise<boolean> {
    throw new Error('not used');
  }
  notify(_options: NotifyOptions): Promise<string | undefined> {
    throw new Error('not used');
  }
}

interface State {
  args: { a?: string; b?: string };
  a?: string;
  b?: string;
  c?: string;
  afterRuns: string[];
}

/** a (unless given), b (unless given), c (only when b is "yes"). */
function steps(): WizardStep<State>[] {
  const ask = (key: 'a' | 'b' | 'c'): WizardStep<State> => ({
    shouldPrompt: (s) => (key === 'c' ? s.b !== 'no' : !s.args[key]),
    prompt: async (q, s) => {
      s[key] = await q.input({ id: key, prompt: key });
    },
    after: (s) => {
      if (key !== 'c') s[key] ??= s.args[key];
      s.afterRuns.push(key);
    },
  });
  return [ask('a'), ask('b'), ask('c')];
}

describe('runWizard', () => {
  it('numbers the steps that ask, counting a later step while an earlier answer may still need it', async () => {
    const prompter = new ListPrompter(['1', 'yes', '3']);
    const state = await runWizard<State>(prompter, 'T', steps(), { args: {}, afterRuns: [] });
    assert.deepEqual(prompter.shown, ['a 1/3', 'b 2/3', 'c 3/3']);
    assert.deepEqual([state.a, state.b, state.c], ['1', 'yes', '3']);
    assert.deepEqual(prompter.backButtons, [false, true, true], 'no Back on the first question');
  });

  it('an answer that makes a later step moot shrinks the total', async () => {
    const prompter = new ListPrompter(['1', 'no']);
    const state = await runWizard<State>(prompter, 'T', steps(), { args: {}, afterRuns: [] });
    assert.deepEqual(prompter.shown, ['a 1/3', 'b 2/3']);
    assert.equal(state.c, undefined);
    assert.deepEqual(state.afterRuns, ['a', 'b', 'c'], '`after` runs for skipped steps too');
  });

  it('steps the arguments answer are skipped and not counted; their `after` still runs', async () => {
    const prompter = new ListPrompter(['yes', '3']);
    const state = await runWizard<State>(prompter, 'T', steps(), { args: { a: 'given' }, afterRuns: [] });
    assert.deepEqual(prompter.shown, ['b 1/2', 'c 2/2']);
    assert.equal(state.a, 'given');
    assert.deepEqual(prompter.backButtons, [false, true]);
  });

  it('Back returns to the previous step that asked, with the earlier answers kept for it', async () => {
    const prompter = new ListPrompter(['1', 'yes', BACK, 'no']);
    const state = await runWizard<State>(prompter, 'T', steps(), { args: {}, afterRuns: [] });
    assert.deepEqual(prompter.shown, ['a 1/3', 'b 2/3', 'c 3/3', 'b 2/3']);
    assert.deepEqual([state.a, state.b, state.c], ['1', 'no', undefined]);
  });

  it('Back skips over a step the arguments answered', async () => {
    const prompter = new ListPrompter(['1', BACK, '9', '3']);
    const state = await runWizard<State>(prompter, 'T', steps(), { args: { b: 'yes' }, afterRuns: [] });
    assert.deepEqual(prompter.shown, ['a 1/2', 'c 2/2', 'a 1/2', 'c 2/2']);
    assert.deepEqual([state.a, state.b, state.c], ['9', 'yes', '3']);
  });

  it('an error thrown by a step or its `after` ends the flow', async () => {
    const failing: WizardStep<State>[] = [
      {
        shouldPrompt: () => false,
        prompt: () => Promise.resolve(),
        after: () => Promise.reject(new Error('no such subscription')),
      },
      ...steps(),
    ];
    const prompter = new ListPrompter([]);
    await assert.rejects(runWizard<State>(prompter, 'T', failing, { args: {}, afterRuns: [] }), /no such subscription/);
    assert.deepEqual(prompter.shown, [], 'nothing asked after the failure');
  });

  it('a step may give its own title', async () => {
    let title = '';
    const prompter = new ListPrompter(['x']);
    const input = prompter.input.bind(prompter);
    prompter.input = (options) => {
      title = options.title;
      return input(options);
    };
    await runWizard(
      prompter,
      'Sign In',
      [
        {
          shouldPrompt: () => true,
          prompt: async (q) => void (await q.input({ id: 'u', title: 'Sign In: Custom URL', prompt: '' })),
        },
      ],
      {},
    );
    assert.equal(title, 'Sign In: Custom URL');
  });
});
