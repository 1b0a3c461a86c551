import { UsageError } from './cliErrors';
import { CommandContext } from './context';
import { reportError } from './errorReport';
import { ExitCode, exitCodeFor } from './exitCodes';
import { HELP } from './help';
import { Output, type CliIo } from './output';

type Command = (ctx: CommandContext, args: string[]) => Promise<number>;

/**
 * Each command's module loads only when that command runs (a lazy edge, see src/common/lazy.ts): `--help` and usage
 * errors load none, `validate` never loads the Genesys client. A new command is one more line of this form.
 */
const COMMANDS: Record<string, () => Command> = {
  apply: () => (require('./commands/apply') as typeof import('./commands/apply')).applyCommand,
  remove: () => (require('./commands/remove') as typeof import('./commands/remove')).removeCommand,
  show: () => (require('./commands/show') as typeof import('./commands/show')).showCommand,
  list: () => (require('./commands/list') as typeof import('./commands/list')).listCommand,
  validate: () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand,
  topics: () => (require('./commands/topics') as typeof import('./commands/topics')).topicsCommand,
  test: () => (require('./commands/test') as typeof import('./commands/test')).testCommand,
  tap: () => (require('./commands/tap') as typeof import('./commands/tap')).tapCommand,
  export: () => (require('./commands/export') as typeof import('./commands/export')).exportCommand,
  plan: () => (require('./commands/plan') as typeof import('./commands/plan')).planCommand,
};

/**
 * Runs one CLI invocation and returns its exit code. Never throws and never calls process.exit, so
 * tests run it in-process; main.ts wires it to the real process.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const output = new Output(io, argv.includes('--json'));
  const { name, args, explicit } = resolveCommand(argv);
  if (name === 'help') {
    const topic = args[0] ?? 'main';
    output.out(Object.hasOwn(HELP, topic) ? HELP[topic] : HELP.main);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (args.includes('--help') || args.includes('-h')) {
    // Without a command word, help is about the whole program (it shows the default command's usage too).
    output.out(command && explicit ? HELP[name] : HELP.main);
    return ExitCode.ok;
  }

  const ctx = new CommandContext(io, output, signal);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`, 'main');
    return await command()(ctx, args);
  } catch (err) {
    const code = exitCodeFor(err);
    reportError(output, err, code);
    return code;
  } finally {
    await ctx.dispose();
  }
}

/** No arguments: help. Flags first: the Go tutorial's invocation, i.e. the default command `apply`. */
function resolveCommand(argv: string[]): { name: string; args: string[]; explicit: boolean } {
  if (argv.length === 0) return { name: 'help', args: [], explicit: true };
  if (argv[0].startsWith('-')) return { name: 'apply', args: argv, explicit: false };
  return { name: argv[0], args: argv.slice(1), explicit: true };
}
