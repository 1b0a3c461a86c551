#!/usr/bin/env node
import { runCli } from './run';
import { terminalConfirm } from './terminal';

// Ctrl+C cancels the request in flight (and any retry wait) instead of killing the process mid-write;
// a second Ctrl+C gets node's default behaviour because the listener is gone by then.
const controller = new AbortController();
const onInterrupt = (): void => controller.abort();
process.once('SIGINT', onInterrupt);
// `eventbridge-filter list | head -1` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

void runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    confirm: terminalConfirm(),
  },
  controller.signal,
).then((code) => {
  // exitCode, not exit(): pending writes to a pipe are flushed first.
  process.exitCode = code;
  process.removeListener('SIGINT', onInterrupt);
});
