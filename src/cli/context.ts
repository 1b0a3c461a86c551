import { getMaxListeners, setMaxListeners } from 'node:events';
import type { GenesysClient } from '../genesys/client';
import { RegexValidator } from '../filters/regex/validator';
import { createClient, readCredentials } from './genesysClient';
import type { CliIo, Output } from './output';

/**
 * What a command gets: output, a cancellation signal, and lazily created resources.
 * Resources are created on first use (so `validate` never reads credentials and an invalid
 * pattern never opens a connection) and disposed by {@link CommandContext.dispose} so the process can exit.
 */
export class CommandContext {
  private client?: GenesysClient;
  private regexValidator?: RegexValidator;

  constructor(
    readonly io: CliIo,
    readonly output: Output,
    readonly signal: AbortSignal,
  ) {}

  /** Reads GENESYS_ENV / GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET; throws exit code 2 when any is missing. */
  genesys(): GenesysClient {
    this.client ??= createClient(readCredentials(this.io.env), this.output);
    return this.client;
  }

  validator(): RegexValidator {
    this.regexValidator ??= new RegexValidator();
    return this.regexValidator;
  }

  /**
   * Each request or validation in flight listens for Ctrl+C on the run's signal: a command that runs `count` at once
   * says so here, and node does not take them for a leak.
   */
  allowConcurrent(count: number): void {
    setMaxListeners(Math.max(getMaxListeners(this.signal), count + 10), this.signal);
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([this.client?.dispose(), this.regexValidator?.dispose()]);
  }
}
