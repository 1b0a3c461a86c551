import type { JsonValue } from '../common/json';

/** Where the CLI writes and what it reads from its environment: process streams in main.ts, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /**
   * Asks a yes/no question on the terminal; undefined when there is none (a pipe, CI), so a command that needs a
   * confirmation refuses instead of hanging. Tests pass their own answer.
   */
  confirm?: (question: string) => Promise<boolean>;
}

const REDACTED = '[redacted]';

/**
 * All CLI text goes through here. Nothing is supposed to contain the client secret; as a last line of
 * defence any occurrence of it is replaced anyway (a server could echo it back in an error message).
 */
export class Output {
  /** The secret as written, and as it appears inside a JSON string (quotes, backslashes, controls escaped). */
  private secretForms: string[] = [];

  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** Registers the secret to redact. Very short secrets are not redacted: that would garble ordinary text. */
  protectSecret(secret: string): void {
    if (secret.length < 4) return;
    const inJson = JSON.stringify(secret).slice(1, -1);
    this.secretForms = inJson === secret ? [secret] : [secret, inJson];
  }

  /** A line (or block) of the command's result on stdout. */
  out(text: string): void {
    this.io.stdout(this.redact(ensureNewline(text)));
  }

  /** Progress, warnings and errors on stderr, so stdout stays clean for --json and pipes. */
  err(text: string): void {
    this.io.stderr(this.redact(ensureNewline(text)));
  }

  /** A JSON result on stdout (two-space indented, one document per run). */
  outJson(value: JsonValue): void {
    this.out(JSON.stringify(value, null, 2));
  }

  private redact(text: string): string {
    for (const form of this.secretForms) text = text.split(form).join(REDACTED);
    return text;
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}
