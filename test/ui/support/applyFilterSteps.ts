/**
 * The five questions of "Apply Subscription Filter…", answered as a user does (click the integration and the
 * subscription, type the key and take it, Enter on the match type, type the pattern and wait for the live RE2 verdict),
 * up to the Enter that opens the diff and the confirm. The caller opens the flow (palette, walkthrough button…) and
 * takes it from the confirm on. test/ui/flows/applyFilter.test.ts walks the same steps one by one, with its
 * screenshots and the invalid-pattern case in between.
 */
import type { Page } from 'playwright-core';
import { uiLocators } from '../../vscode/harness';

export interface ApplyFilterAnswers {
  integration: string;
  subscription: string;
  key: string;
  /** regex when absent (the default, first entry). exists/notexists ask no fifth question: not for this helper. */
  matchType?: 'regex' | 'exact';
  /** Waits for "Valid RE2 pattern" when the match type is regex. */
  pattern: string;
}

/** Answers steps 1–5; `beforeSubmit` runs while the valid pattern is on screen, before the Enter that submits it. */
export async function answerApplyFilterSteps(
  page: Page,
  answers: ApplyFilterAnswers,
  beforeSubmit?: () => Promise<void>,
): Promise<void> {
  const { title, message, input, pickRow } = uiLocators(() => page);
  const matchType = answers.matchType ?? 'regex';
  await title().filter({ hasText: '(1/5)' }).waitFor();
  await pickRow(answers.integration).click();
  await title().filter({ hasText: '(2/5)' }).waitFor();
  await pickRow(answers.subscription).click();
  await title().filter({ hasText: '(3/5)' }).waitFor();
  await input().fill(answers.key);
  await pickRow(answers.key).waitFor();
  await input().press('Enter');
  await title().filter({ hasText: '(4/5)' }).waitFor();
  await pickRow(matchType).click();
  await title().filter({ hasText: '(5/5)' }).waitFor();
  await input().fill(answers.pattern);
  if (matchType === 'regex') {
    await message()
      .filter({ hasText: /Valid RE2 pattern/ })
      .waitFor();
  }
  await beforeSubmit?.();
  await input().press('Enter');
}
