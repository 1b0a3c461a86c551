import { applyCommand } from './commands/apply';
import { exportCommand } from './commands/export';
import { planCommand } from './commands/plan';
import { listCommand } from './commands/list';
import { removeCommand } from './commands/remove';
import { showCommand } from './commands/show';
import { topicsCommand } from './commands/topics';
import { validateCommand } from './commands/validate';
import { UsageError } from './cliErrors';
import { CommandContext } from './context';
import { reportError } from './errorReport';
import { ExitCode, exitCodeFor } from './exitCodes';
import { HELP } from './help';
import { Output, type CliIo } from './output';

type Command = (ctx: CommandContext, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  apply: applyCommand,
  remove: removeCommand,
  show: showCommand,
  list: listCommand,
  validate: validateCommand,
  topics: topicsCommand,
  export: exportCommand,
  plan: planCommand,
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
    return await command(ctx, args);
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
