import { isGenesysError } from '../../genesys/errors';
import type { JsonObject } from '../../common/json';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';

/** GET of the tutorial's EventBridge document (the subscription-filter endpoint), its 404s explained. */
export async function readEventBridgeDocument(ctx: CommandContext, integrationId: string): Promise<JsonObject> {
  return ctx
    .genesys()
    .getEventBridgeDocument(integrationId, ctx.signal)
    .catch((err: unknown) => explainDocumentError(err, integrationId));
}

/**
 * A 404 of the subscription-filter endpoint, with the next step: on an org without the endpoint (the client
 * tells it apart), topic filters are what works; otherwise the id is probably wrong. Other errors pass unchanged.
 */
export function explainDocumentError(err: unknown, integrationId: string): never {
  if (!isGenesysError(err) || err.kind !== 'notFound') throw err;
  const hint = err.subscriptionFiltersUnavailable
    ? `Topic filters work on every org: "eventbridge-filter topics list --integration-id ${integrationId}".`
    : 'Check the id with "eventbridge-filter list".';
  throw new CliError(err.message, ExitCode.notFound, { cause: err, hint });
}
