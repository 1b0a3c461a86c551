/**
 * The CLI's HTTP stack (Node's http/https, `httpStack: 'node'`): a real TLS round trip through the CLI, and failures
 * mapped to the same errors as with undici. Retries, faults and timeouts are covered by the CLI tests, which run
 * against the emulator through this stack.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator } from '../../../src/emulator/server';
import { GenesysClient } from '../../../src/genesys/client';
import { isGenesysError } from '../../../src/genesys/errors';
import { hasCommand } from '../../vscode/debianPackages';
import { startTlsFront } from '../../bench/tlsFront';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');

describe('Node HTTP stack', () => {
  it(
    'the CLI lists integrations over TLS (one connection for token and API)',
    { skip: !hasCommand('openssl') },
    async () => {
      const emulator = await startEmulator({ port: 0, quiet: true });
      const front = await startTlsFront(emulator.port);
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'list', '--json'], {
          env: {
            ...process.env,
            NODE_EXTRA_CA_CERTS: front.caFile,
            GENESYS_ENV: front.url,
            GENESYS_CLIENT_ID: emulator.clientId,
            GENESYS_CLIENT_SECRET: emulator.clientSecret,
          },
        });
        assert.match(stdout, /8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c/);
        assert.deepEqual(emulator.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`).slice(0, 2), [
          'POST /oauth/token',
          'GET /api/v2/integrations',
        ]);
      } finally {
        await front.close();
        await emulator.close();
      }
    },
  );

  it('a refused connection is a network error naming the host', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = new GenesysClient({
      environment: `http://127.0.0.1:${port}`,
      clientId: 'c',
      clientSecret: 's',
      httpStack: 'node',
    });
    try {
      await assert.rejects(client.authenticate(), (err: unknown) => {
        assert.ok(isGenesysError(err), String(err));
        assert.equal(err.kind, 'network');
        assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
        return true;
      });
    } finally {
      await client.dispose();
    }
  });

  it('a client that never sent anything closes without loading a stack', async () => {
    const client = new GenesysClient({ environment: 'us-east-1', clientId: 'c', clientSecret: 's', httpStack: 'node' });
    await client.dispose();
  });
});
