import type { IntegrationSummary } from '../../genesys/client';
import type { JsonObject } from '../../common/json';
import { COMMON_OPTIONS, parseOptions } from '../args';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';

export async function listCommand(ctx: CommandContext, args: string[]): Promise<number> {
  parseOptions('list', args, COMMON_OPTIONS);
  const integrations = await ctx.genesys().listEventBridgeIntegrations(ctx.signal);
  if (ctx.output.json) {
    ctx.output.outJson(integrations.map(toJson));
    return ExitCode.ok;
  }
  if (integrations.length === 0) {
    ctx.output.out('No EventBridge integrations in this org.');
    return ExitCode.ok;
  }
  const rows = integrations.map((i) => [i.id, stateOf(i), i.name]);
  const idWidth = Math.max(2, ...rows.map((r) => r[0].length));
  const stateWidth = Math.max(5, ...rows.map((r) => r[1].length));
  const line = (r: string[]): string => `${r[0].padEnd(idWidth)}  ${r[1].padEnd(stateWidth)}  ${r[2]}`;
  ctx.output.out([line(['ID', 'STATE', 'NAME']), ...rows.map(line)].join('\n'));
  return ExitCode.ok;
}

/** "ACTIVE", or "DISABLED/ERROR" when the intended and reported states tell different stories. */
function stateOf(i: IntegrationSummary): string {
  const reported = i.reportedState?.code;
  if (i.intendedState && i.intendedState !== 'ENABLED') {
    return reported ? `${i.intendedState}/${reported}` : i.intendedState;
  }
  return reported ?? i.intendedState ?? '-';
}

function toJson(i: IntegrationSummary): JsonObject {
  const result: JsonObject = { id: i.id, name: i.name };
  if (i.intendedState !== undefined) result.intendedState = i.intendedState;
  if (i.reportedState !== undefined) {
    const reported: JsonObject = {};
    for (const [k, v] of Object.entries(i.reportedState)) if (v !== undefined) reported[k] = v;
    result.reportedState = reported;
  }
  return result;
}
