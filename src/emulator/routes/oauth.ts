import { timingSafeEqual } from 'node:crypto';
import { parseBasicAuth, type TokenStore } from '../auth';
import { oauthError } from '../errors';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  tokenLifetimeSeconds: number;
  tokens: TokenStore;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** POST /oauth/token — client credentials grant with HTTP Basic client authentication only. */
export function handleTokenRequest(req: EmulatorRequest, settings: OAuthSettings): EmulatorResponse {
  if (req.method !== 'POST') {
    return json(405, oauthError('invalid_request', 'The token endpoint accepts POST only.'), { allow: 'POST' });
  }
  const credentials = parseBasicAuth(req.headers.authorization);
  if (!credentials) {
    return json(
      401,
      oauthError(
        'invalid_client',
        'Client authentication is required: send Authorization: Basic base64(client_id:client_secret).',
      ),
      { 'www-authenticate': 'Basic realm="oauth"' },
    );
  }
  // The description never echoes the secret; naming the client id is what the platform does too.
  if (
    !sameText(credentials.clientId, settings.clientId) ||
    !sameText(credentials.clientSecret, settings.clientSecret)
  ) {
    return json(
      401,
      oauthError('invalid_client', `Client authentication failed for client id "${credentials.clientId}".`),
      { 'www-authenticate': 'Basic realm="oauth"' },
    );
  }
  const contentType = String(req.headers['content-type'] ?? '');
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return json(400, oauthError('invalid_request', 'The body must be application/x-www-form-urlencoded.'));
  }
  const form = new URLSearchParams(req.rawBody);
  const grantType = form.get('grant_type');
  if (!grantType) return json(400, oauthError('invalid_request', 'grant_type is required.'));
  if (grantType !== 'client_credentials') {
    return json(
      400,
      oauthError(
        'unsupported_grant_type',
        `Unsupported grant type "${grantType}"; this client may use client_credentials only.`,
      ),
    );
  }
  const accessToken = settings.tokens.issue(settings.tokenLifetimeSeconds);
  return json(
    200,
    { access_token: accessToken, token_type: 'bearer', expires_in: settings.tokenLifetimeSeconds },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
