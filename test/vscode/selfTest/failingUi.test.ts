/** A deliberately failing UI test file, run by run.ts only when EBF_SELF_TEST_FAIL=1 (never part of the suite). */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchWorkbench } from '../harness';

test('harness self-test: a broken UI assertion fails the run', { timeout: 180_000 }, async () => {
  const workbench = await launchWorkbench('self-test-failure', { environmentProfile: false });
  try {
    await workbench.openView();
    await workbench.shot('view-before-broken-assertion');
    assert.deepEqual(await workbench.treeRows(), ['a row that does not exist']);
  } finally {
    await workbench.close();
  }
});
