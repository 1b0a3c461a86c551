/**
 * Runs `task` over `items` with at most `limit` tasks started and not yet consumed, and yields the results in
 * input order, each as soon as it and every earlier one are done. A consumer that prints as it goes shows results
 * in order without waiting for all of them, and memory stays bounded however many items there are.
 *
 * A task's rejection is thrown by the generator when that task's turn comes, not earlier.
 */
export async function* mapInOrder<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  if (!(limit >= 1)) throw new RangeError(`limit must be at least 1, got ${limit}`);
  const started: Array<Promise<R>> = [];
  let next = 0;
  const startNext = (): void => {
    const promise = task(items[next], next);
    // Handled when its turn comes; without this a rejection behind a slow task would count as unhandled meanwhile.
    promise.catch(() => undefined);
    started.push(promise);
    next++;
  };
  while (next < items.length && started.length < limit) startNext();
  while (started.length > 0) {
    const result = await (started.shift() as Promise<R>);
    if (next < items.length) startNext();
    yield result;
  }
}
