import { lazy } from '../common/lazy';
import { getMaxListeners, setMaxListeners } from 'node:events';
import type { GenesysClient } from '../genesys/client';
import type { RegexValidator } from '../filters/regex/validator';
import type { CliIo, Output } from './output';

// Lazy edges (see common/lazy.ts): `--help`, usage errors and `validate` never load the Genesys client, and
// commands that send nothing never load the regex validator.
const clientModule = lazy(() => require('./genesysClient') as typeof import('./genesysClient'));
const validatorModule = lazy(
  () => require('../filters/regex/validator') as typeof import('../filters/regex/validator'),
);

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
    const { createClient, readCredentials } = clientModule();
    this.client ??= createClient(readCredentials(this.io.env), this.output);
    return this.client;
  }

  /**
   * `once` (apply, validate --regex): this process validates one pattern and exits, so cheap patterns compile in
   * this thread and only the others start the worker. `batch` (validate --patterns): every compile in the worker.
   */
  validator(use: 'once' | 'batch' = 'once'): RegexValidator {
    this.regexValidator ??= new (validatorModule().RegexValidator)({ inProcess: use === 'once' });
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
