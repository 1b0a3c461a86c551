import { listSubscriptions } from '../../filters/attributeFilters';
import type { JsonObject } from '../../common/json';
import { COMMON_OPTIONS, parseOptions, requireOption } from '../args';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { readEventBridgeDocument } from './readDocument';

const OPTIONS = { ...COMMON_OPTIONS, 'integration-id': { type: 'string' } } as const;

export async function showCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('show', args, OPTIONS);
  const integrationId = requireOption('show', 'integration-id', values['integration-id']);
  const doc = await readEventBridgeDocument(ctx, integrationId);
  if (ctx.output.json) {
    // Exactly what the server sent: scripts may rely on fields this tool does not model.
    ctx.output.outJson(doc);
    return ExitCode.ok;
  }
  ctx.output.out(describeDocument(integrationId, doc));
  return ExitCode.ok;
}

function describeDocument(integrationId: string, doc: JsonObject): string {
  const text = (key: string): string => (typeof doc[key] === 'string' ? doc[key] : '(not set)');
  const lines = [
    `Integration ${integrationId}`,
    `  AWS account ${text('awsAccount')}, region ${text('awsRegion')}`,
    `  Role ${text('roleArn')}`,
  ];
  const subscriptions = listSubscriptions(doc);
  if (subscriptions.length === 0) lines.push('No subscriptions.');
  for (const sub of subscriptions) {
    lines.push(`Subscription ${sub.name}`);
    lines.push(`  events: ${sub.events.length > 0 ? sub.events.join(', ') : '(none)'}`);
    if (sub.filters.length === 0) {
      lines.push('  filters: (none)');
      continue;
    }
    lines.push('  filters:');
    const width = Math.max(...sub.filters.map((f) => f.key.length));
    for (const f of sub.filters) {
      const shown = f.values.map((v) => JSON.stringify(v)).join(', ');
      lines.push(`    ${f.key.padEnd(width)}  ${f.matchType}${shown ? ' ' + shown : ''}`);
    }
  }
  return lines.join('\n');
}
