/** The pattern box's validation as you type: a slow, stale answer never overwrites a newer one; Enter waits for the current text. */
import * as assert from 'node:assert/strict';
import { LiveValidation, type ValidatedBox } from '../../../src/extension/wizard/liveValidation';
import type { ValidationMessage } from '../../../src/extension/wizard/prompter';

function box(): ValidatedBox & { shown: (ValidationMessage | undefined)[] } {
  const b = {
    value: '',
    busy: false,
    shown: [] as (ValidationMessage | undefined)[],
    showValidation(m: ValidationMessage | undefined) {
      b.shown.push(m);
    },
  };
  return b;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('flows: live validation', () => {
  it('drops a slow result for older text and shows only the newest; busy until the newest answers', async () => {
    const b = box();
    const aborted: string[] = [];
    const live = new LiveValidation(b, async (value, signal) => {
      signal.addEventListener('abort', () => aborted.push(value));
      await sleep(value === '^(' ? 200 : 20); // the older text is the slow one
      return { severity: value === '^(' ? 'error' : 'info', message: value };
    });
    b.value = '^(';
    live.onDidChangeValue('^(');
    assert.equal(b.busy, true);
    b.value = '^(a)';
    live.onDidChangeValue('^(a)');
    await sleep(300);
    assert.deepEqual(b.shown, [{ severity: 'info', message: '^(a)' }], 'the stale error never reached the box');
    assert.deepEqual(aborted, ['^('], 'the superseded validation was told to stop');
    assert.equal(b.busy, false);
  });

  it('settle() answers for the text in the box now, reusing a finished result', async () => {
    const b = box();
    let calls = 0;
    const live = new LiveValidation(b, (value) => {
      calls++;
      return value.includes('(') && !value.includes(')') ? { severity: 'error', message: 'missing )' } : undefined;
    });
    b.value = '^(x';
    live.onDidChangeValue(b.value);
    assert.equal((await live.settle())?.severity, 'error');
    assert.equal(calls, 1);
    b.value = '^(x)'; // changed without an event yet, as when Enter races the last keystroke
    assert.equal(await live.settle(), undefined);
    assert.equal(calls, 2);
  });

  it('a validator that throws blocks Enter with the reason instead of letting the text through', async () => {
    const b = box();
    const live = new LiveValidation(b, () => {
      throw new Error('worker crashed');
    });
    b.value = 'x';
    const verdict = await live.settle();
    assert.equal(verdict?.severity, 'error');
    assert.match(verdict.message, /worker crashed/);
  });
});
