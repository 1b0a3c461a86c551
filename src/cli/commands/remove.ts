import { validateAttributeKey } from '../../filters/attributeKey';
import { COMMON_OPTIONS, parseOptions, requireOption } from '../args';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { runFilterEdit } from './filterEdit';

const OPTIONS = {
  ...COMMON_OPTIONS,
  'integration-id': { type: 'string' },
  'subscription-name': { type: 'string' },
  'attribute-key': { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

export async function removeCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('remove', args, OPTIONS);
  const integrationId = requireOption('remove', 'integration-id', values['integration-id']);
  const subscription = requireOption('remove', 'subscription-name', values['subscription-name']);
  const key = requireOption('remove', 'attribute-key', values['attribute-key']);
  const keyProblem = validateAttributeKey(key);
  if (keyProblem) throw new CliError(`Invalid attribute key "${key}": ${keyProblem}.`, ExitCode.invalidInput);
  return runFilterEdit(ctx, {
    integrationId,
    edit: { kind: 'remove', subscription, key },
    dryRun: values['dry-run'] ?? false,
    successMessage: `Removed the filter on "${key}" from subscription "${subscription}" of integration ${integrationId}.`,
    command: 'remove',
    jsonFields: {},
  });
}
