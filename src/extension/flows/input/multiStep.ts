/**
 * A small multi-step input runner in the spirit of vscode-extension-samples'
 * quickinput-sample `multiStepInput.ts`: a partial state object plus step functions.
 * A step asks at most one question through the flow's prompt helpers and returns the next step.
 * Back re-runs the previous step that actually asked something (steps skipped because the
 * command's arguments already answered them are never returned to); Escape rejects with a
 * cancellation. Side effects belong after the last step, so cancelling writes nothing.
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

export type Step<S> = (flow: MultiStepFlow<S>, state: S) => Promise<Step<S> | undefined>;

type Omitted = 'title' | 'step' | 'totalSteps' | 'canGoBack';

/**
 * A question's items: ready, already loading, or a loader the flow starts when it asks. A loader's
 * signal is aborted as soon as the question is settled — answered, Back, or Escape (which also ends
 * the command) — so a list the user stopped waiting for does not keep requests running.
 */
export type ItemSource<T> = PickOptions<T>['items'] | ((signal: AbortSignal) => Promise<PickItem<T>[]>);

type FlowPickOptions<T> = Omit<PickOptions<T>, Omitted | 'items'> & { items: ItemSource<T> };
type FlowPickManyOptions<T> = Omit<PickManyOptions<T>, Omitted | 'items'> & { items: ItemSource<T> };

/** Thrown inside a step when the user pressed Back; caught by run(). */
class BackSignal extends Error {}

export class MultiStepFlow<S> {
  private asked = false;
  private readonly history: Step<S>[] = [];

  constructor(
    private readonly prompter: Prompter,
    readonly title: string,
    /** Total number of questions for the current state (it can change, e.g. "exists" needs no pattern). */
    private readonly totalSteps: (state: S) => number,
    private readonly state: S,
  ) {}

  /** Runs from `first` until a step returns undefined; resolves with the completed state. */
  async run(first: Step<S>): Promise<S> {
    let current: Step<S> | undefined = first;
    while (current) {
      this.asked = false;
      try {
        const next: Step<S> | undefined = await current(this, this.state);
        if (this.asked) this.history.push(current);
        current = next;
      } catch (err) {
        if (!(err instanceof BackSignal)) throw err;
        current = this.history.pop();
        // Back on the first question cannot happen (no Back button), but stay safe.
        if (!current) current = first;
      }
    }
    return this.state;
  }

  async pick<T>(options: FlowPickOptions<T>): Promise<T> {
    return this.unwrap(
      await withItems(options.items, (items) => this.prompter.pick({ ...options, items, ...this.position() })),
    );
  }

  async pickMany<T>(options: FlowPickManyOptions<T>): Promise<T[]> {
    return this.unwrap(
      await withItems(options.items, (items) => this.prompter.pickMany({ ...options, items, ...this.position() })),
    );
  }

  async input(options: Omit<InputOptions, Omitted>): Promise<string> {
    return this.unwrap(await this.prompter.input({ ...options, ...this.position() }));
  }

  private position() {
    this.asked = true;
    const step = this.history.length + 1;
    return {
      title: this.title,
      step,
      totalSteps: Math.max(step, this.totalSteps(this.state)),
      canGoBack: this.history.length > 0,
    };
  }

  private unwrap<T>(answer: T | Back): T {
    if (answer === BACK) throw new BackSignal();
    return answer;
  }
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
