/** Every GenesysError kind becomes one message that names the cause and the next step. */
import * as assert from 'node:assert/strict';
import { describeError, isUserCancellation, UserCancelledError } from '../../src/extension/errors';
import { formatRequest } from '../../src/extension/requestLogging';
import { describeRetryNotice } from '../../src/genesys/http';
import { GenesysError } from '../../src/genesys/errors';

describe('error presentation', () => {
  it('401: check the client id and secret, with Sign In', () => {
    const p = describeError(
      new GenesysError('authentication', 'Client authentication failed.', { status: 401, code: 'invalid_client' }),
      'refresh',
    );
    assert.match(p.message, /invalid_client/);
    assert.match(p.message, /client id and secret/);
    assert.ok(p.buttons.includes('signIn'));
  });

  it('adds its own next step unless the error says it has one (a field, not its wording)', () => {
    const said = describeError(
      new GenesysError('authentication', "Genesys Cloud rejected the OAuth client 'x'. Check the client id.", {
        saysNextStep: true,
      }),
    );
    assert.doesNotMatch(said.message, /then sign in again/, 'the error already says what to do');
    // "check" in the server's own words is not a next step.
    const notSaid = describeError(new GenesysError('authentication', 'invalid_client: check failed.'));
    assert.match(notSaid.message, /check failed\. Check the client id and secret, then sign in again\./);
  });

  it("403: names the permission the role lacks from the error's own field, never from its text", () => {
    const named = describeError(
      new GenesysError('permission', 'Not allowed.', { status: 403, permission: 'integrations:integration:edit' }),
      'apply filter',
    );
    assert.match(named.message, /lacks the permission integrations:integration:edit\. Add it to the role/);
    // A permission-looking string in the text is not read back out of it.
    const unnamed = describeError(
      new GenesysError('permission', 'Not allowed to list topics: missing a:b:c. Check the roles.', { status: 403 }),
      'add topic filter',
    );
    assert.doesNotMatch(unnamed.message, /lacks the permission/);
    assert.match(unnamed.message, /Not allowed to list topics/);
    assert.ok(unnamed.buttons.includes('switchProfile'));
  });

  it('429: says it was rate limited and how long the platform asked to wait', () => {
    const p = describeError(
      new GenesysError('rateLimited', 'Too many requests.', { status: 429, retryAfterMs: 7000, attempts: 5 }),
    );
    assert.match(p.message, /rate limiting.*after 5 attempts.*wait 7s/);
  });

  it('network and timeout: check the host and proxy, with Show Log', () => {
    for (const kind of ['network', 'timeout'] as const) {
      const p = describeError(new GenesysError(kind, 'connect ECONNREFUSED 127.0.0.1:9.'));
      assert.match(p.message, /proxy/);
      assert.ok(p.buttons.includes('showLog'));
    }
  });

  it('every kind has a message; other errors keep their own text', () => {
    for (const kind of ['notFound', 'invalidRequest', 'conflict', 'server', 'configuration'] as const) {
      const p = describeError(new GenesysError(kind, `Something ${kind}.`), 'edit filter');
      assert.match(p.message, new RegExp(`^Could not edit filter: .*${kind}`));
      assert.ok(p.buttons.length > 0, `${kind} offers a next step`);
    }
    assert.equal(describeError(new Error('Plain failure'), 'copy id').message, 'Could not copy id: Plain failure');
  });

  it('recognises cancellations from prompts, the client and aborted signals', () => {
    assert.ok(isUserCancellation(new UserCancelledError()));
    assert.ok(isUserCancellation(new GenesysError('cancelled', 'cancelled')));
    assert.ok(isUserCancellation(Object.assign(new Error('aborted'), { name: 'AbortError' })));
    assert.ok(!isUserCancellation(new Error('real')));
  });

  it('log lines carry method, path, status, time and correlation id — and retries say how long and which attempt', () => {
    assert.equal(
      formatRequest({
        method: 'GET',
        path: '/api/v2/integrations?pageNumber=1',
        status: 200,
        ms: 41.6,
        attempt: 1,
        correlationId: 'abc-1',
      }),
      'GET /api/v2/integrations?pageNumber=1 → 200 42 ms correlation-id=abc-1',
    );
    assert.match(
      formatRequest({ method: 'POST', path: '/oauth/token', ms: 3, attempt: 2, error: 'ECONNRESET' }),
      /failed \(ECONNRESET\).*attempt 2/,
    );
    assert.equal(
      describeRetryNotice({ attempt: 1, maxAttempts: 5, waitMs: 3000, reason: '429 Too Many Requests' }),
      '429 Too Many Requests: waiting 3 s before attempt 2 of 5',
    );
  });
});
