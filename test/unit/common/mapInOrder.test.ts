import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { mapInOrder } from '../../../src/common/mapInOrder';

async function collect<R>(source: AsyncGenerator<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('mapInOrder', () => {
  it('yields results in input order although later tasks finish first', async () => {
    const finished: number[] = [];
    const items = [30, 5, 20, 0, 10, 1];
    const results = await collect(
      mapInOrder(items, 3, async (ms, i) => {
        await delay(ms);
        finished.push(i);
        return `item ${i}`;
      }),
    );
    assert.deepEqual(
      results,
      items.map((_, i) => `item ${i}`),
    );
    assert.notDeepEqual(finished, [0, 1, 2, 3, 4, 5], 'the tasks really did finish out of order');
  });

  it('never has more than `limit` tasks started and not yet consumed', async () => {
    let running = 0;
    let most = 0;
    const results = await collect(
      mapInOrder([...Array(20).keys()], 4, async (n) => {
        running++;
        most = Math.max(most, running);
        await delay(n % 3);
        running--;
        return n * 2;
      }),
    );
    assert.equal(results.length, 20);
    assert.equal(most, 4);
  });

  it("throws a task's error at that task's turn, after the earlier results", async () => {
    const seen: number[] = [];
    const failing = mapInOrder([0, 1, 2, 3], 4, async (n) => {
      if (n === 2) throw new Error('task 2 failed');
      await delay(5); // the rejection of task 2 happens while task 0 is still awaited
      return n;
    });
    await assert.rejects(async () => {
      for await (const n of failing) seen.push(n);
    }, /task 2 failed/);
    assert.deepEqual(seen, [0, 1]);
  });

  it('handles no items and refuses a limit below 1', async () => {
    assert.deepEqual(await collect(mapInOrder([], 2, async () => 1)), []);
    await assert.rejects(collect(mapInOrder([1], 0, async () => 1)), RangeError);
  });
});
