/**
 * The one multi-step input engine (sign-in, filter and topic flows), after vscode-azuretools'
 * AzureWizardPromptStep: a list of steps over a state object. Each step declares whether it asks
 * (`shouldPrompt` — false when the command's arguments already answer it, or an earlier answer makes it
 * moot), so the "(step/total)" count is derived from the steps themselves rather than repeated by hand.
 * A step asks at most one question; Back returns to the previous step that asked something; Escape
 * rejects with a cancellation. Side effects belong after the last step, so cancelling writes nothing.
 */
import {
  BACK,
  type Back,
  type InputOptions,
  type PickItem,
  type PickManyOptions,
  type PickOptions,
  type Prompter,
} from './prompter';

export interface WizardStep<S> {
  /** Evaluated each time the step is reached going forward. */
  shouldPrompt(state: S): boolean;
  /** Asks through `ask` (one question) and writes the answer into `state`. */
  prompt(ask: WizardQuestions, state: S): Promise<void>;
  /**
   * Runs after the step, whether it prompted or not: loads or checks what later steps rely on (e.g. that a
   * subscription given as an argument exists). May throw to end the flow.
   */
  after?(state: S): Promise<void> | void;
}

/** The wizard fills these in; a step may still give its own `title` (e.g. "Sign In: Custom URL"). */
type Omitted = 'title' | 'step' | 'totalSteps' | 'canGoBack';
type Titled = { title?: string };

/**
 * A question's items: ready, already loading, or a loader the wizard starts when it asks. A loader's signal is
 * aborted as soon as the question is settled — answered, Back, or Escape (which also ends the command) — so a
 * list the user stopped waiting for does not keep requests running.
 */
export type ItemSource<T> = PickOptions<T>['items'] | ((signal: AbortSignal) => Promise<PickItem<T>[]>);

export type WizardPick<T> = Omit<PickOptions<T>, Omitted | 'items'> & Titled & { items: ItemSource<T> };
export type WizardPickMany<T> = Omit<PickManyOptions<T>, Omitted | 'items'> & Titled & { items: ItemSource<T> };
export type WizardInput = Omit<InputOptions, Omitted> & Titled;

/** What a step may ask; the wizard fills in the title, the step position and the Back button. */
export interface WizardQuestions {
  pick<T>(options: WizardPick<T>): Promise<T>;
  pickMany<T>(options: WizardPickMany<T>): Promise<T[]>;
  input(options: WizardInput): Promise<string>;
}

/** Thrown inside a step when the user pressed Back; caught by the run loop. */
class BackSignal extends Error {}

/** Runs `steps` in order over `state` and resolves with it once the last step is done. */
export async function runWizard<S>(
  prompter: Prompter,
  title: string | ((state: S) => string),
  steps: readonly WizardStep<S>[],
  state: S,
): Promise<S> {
  /** Indexes of the steps that asked, in order: where Back goes. */
  const asked: number[] = [];
  for (let index = 0; index < steps.length;) {
    const step = steps[index];
    if (step.shouldPrompt(state)) {
      const position = () => ({
        title: typeof title === 'function' ? title(state) : title,
        step: asked.length + 1,
        totalSteps: asked.length + steps.slice(index).filter((s) => s.shouldPrompt(state)).length,
        canGoBack: asked.length > 0,
      });
      try {
        await step.prompt(questions(prompter, position), state);
      } catch (err) {
        if (!(err instanceof BackSignal)) throw err;
        // There is no Back button on the first question, so `asked` is not empty here.
        index = asked.pop() ?? 0;
        continue;
      }
      asked.push(index);
    }
    await step.after?.(state);
    index++;
  }
  return state;
}

function questions(
  prompter: Prompter,
  position: () => { title: string; step: number; totalSteps: number; canGoBack: boolean },
): WizardQuestions {
  const place = (options: Titled) => {
    const at = position();
    return { ...at, title: options.title ?? at.title };
  };
  return {
    async pick(options) {
      return unwrap(await withItems(options.items, (items) => prompter.pick({ ...options, items, ...place(options) })));
    },
    async pickMany(options) {
      return unwrap(
        await withItems(options.items, (items) => prompter.pickMany({ ...options, items, ...place(options) })),
      );
    },
    async input(options) {
      return unwrap(await prompter.input({ ...options, ...place(options) }));
    },
  };
}

function unwrap<T>(answer: T | Back): T {
  if (answer === BACK) throw new BackSignal();
  return answer;
}

/** Starts a loader with a signal that aborts once `ask` settles, whatever the outcome. */
async function withItems<T, R>(source: ItemSource<T>, ask: (items: PickOptions<T>['items']) => Promise<R>): Promise<R> {
  if (typeof source !== 'function') return ask(source);
  const loading = new AbortController();
  const items = source(loading.signal);
  // The prompter reports a failed load; a load aborted after the question was settled has no one to tell.
  items.catch(() => undefined);
  try {
    return await ask(items);
  } finally {
    loading.abort();
  }
}
