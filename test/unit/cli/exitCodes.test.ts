import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CliError, UsageError } from '../../../src/cli/cliErrors';
import { exitCodeFor } from '../../../src/cli/exitCodes';
import { Output } from '../../../src/cli/output';
import { GenesysError, type GenesysErrorKind } from '../../../src/genesys/errors';

describe('exit codes', () => {
  it('maps every error kind to the exit code issue 2 specifies', () => {
    const expected: Record<GenesysErrorKind, number> = {
      invalidRequest: 2,
      configuration: 2,
      notFound: 3,
      authentication: 4,
      permission: 4,
      rateLimited: 5,
      server: 5,
      network: 5,
      timeout: 5,
      conflict: 6,
      cancelled: 130,
    };
    for (const [kind, code] of Object.entries(expected)) {
      assert.equal(exitCodeFor(new GenesysError(kind as GenesysErrorKind, 'x')), code, kind);
    }
  });

  it('CLI errors carry their own code; a plain AbortError is an interruption; anything else is 1', () => {
    assert.equal(exitCodeFor(new UsageError('bad flag', 'apply')), 2);
    assert.equal(exitCodeFor(new CliError('gone', 3)), 3);
    assert.equal(exitCodeFor(Object.assign(new Error('aborted'), { name: 'AbortError' })), 130);
    assert.equal(exitCodeFor(new TypeError('bug')), 1);
    assert.equal(exitCodeFor('a string'), 1);
  });
});

describe('Output redaction', () => {
  it('replaces the secret in text and in JSON, where quotes and backslashes are escaped', () => {
    const secret = 'p"a\\ss-w0rd';
    let stdout = '';
    let stderr = '';
    const output = new Output(
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        env: {},
      },
      true,
    );
    output.protectSecret(secret);
    output.err(`server said: ${secret}`);
    output.outJson({ echoed: `bad secret ${secret}` });
    assert.equal(stderr, 'server said: [redacted]\n');
    assert.ok(!stdout.includes(JSON.stringify(secret).slice(1, -1)), stdout);
    assert.deepEqual(JSON.parse(stdout), { echoed: 'bad secret [redacted]' });
  });
});
