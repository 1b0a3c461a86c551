import { createInterface } from 'node:readline/promises';

/**
 * A yes/no question on the terminal (stderr, so stdout stays clean), or undefined when stdin or stderr is not one:
 * `apply` then refuses without --yes rather than wait for an answer that cannot come. Only "y"/"yes" is a yes.
 */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    // Ctrl+C at the prompt is a no, not a hang: readline eats the SIGINT while it reads.
    const answered = new Promise<string>((resolve) => rl.once('SIGINT', () => resolve('')));
    try {
      const answer = await Promise.race([rl.question(`${question} [y/N] `), answered]);
      return /^\s*y(es)?\s*$/i.test(answer);
    } finally {
      rl.close();
    }
  };
}
