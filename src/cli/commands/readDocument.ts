import { isGenesysError } from '../../genesys/errors';
import type { JsonObject } from '../../common/json';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';

/**
 * GET of the seed's integration document. A 404 means either a wrong id or an org without the
 * subscription-filter endpoint; the message says both and points at what works everywhere (topics).
 */
export async function readEventBridgeDocument(ctx: CommandContext, integrationId: string): Promise<JsonObject> {
  try {
    return await ctx.genesys().getEventBridgeDocument(integrationId, ctx.signal);
  } catch (err) {
    if (isGenesysError(err) && err.kind === 'notFound') {
      // The client's message keeps the server's own words; add the second possible reason.
      throw new CliError(`${err.message} This org may also not offer attribute filters for it.`, ExitCode.notFound, {
        cause: err,
        hint: `Check the id with "eventbridge-filter list"; topic filters work on every org: "eventbridge-filter topics list --integration-id ${integrationId}".`,
      });
    }
    throw err;
  }
}
