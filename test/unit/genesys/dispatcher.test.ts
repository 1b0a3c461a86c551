import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Agent, EnvHttpProxyAgent, ProxyAgent, request } from 'undici';
import { createDispatcher } from '../../../src/genesys/dispatcher';
import { GenesysClient, RetryNotice } from '../../../src/genesys/client';
import { isGenesysError } from '../../../src/genesys/errors';
import { resolveEnvironment } from '../../../src/genesys/regions';

const TIMEOUTS = { connectTimeoutMs: 2000, requestTimeoutMs: 2000 };

/** A CONNECT proxy on 127.0.0.1 that records where clients want to go, then refuses. */
async function startRecordingProxy(): Promise<{ url: string; targets: string[]; server: Server }> {
  const targets: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket) => {
    targets.push(String(req.url));
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, targets, server };
}

describe('dispatcher selection', () => {
  const genesys = resolveEnvironment('us-east-1');

  it('plain Agent without proxy settings', async () => {
    const { dispatcher, kind } = createDispatcher({ environment: genesys, env: {}, ...TIMEOUTS });
    assert.equal(kind, 'agent');
    assert.ok(dispatcher instanceof Agent);
    await dispatcher.close();
  });

  it('explicit proxy → ProxyAgent; HTTPS_PROXY/HTTP_PROXY → EnvHttpProxyAgent', async () => {
    const explicit = createDispatcher({
      environment: genesys,
      proxy: 'http://proxy.example:3128',
      env: { HTTPS_PROXY: 'http://other:1' },
      ...TIMEOUTS,
    });
    assert.equal(explicit.kind, 'proxy');
    assert.ok(explicit.dispatcher instanceof ProxyAgent);
    for (const env of [
      { HTTPS_PROXY: 'http://p:1' },
      { https_proxy: 'http://p:1' },
      { HTTP_PROXY: 'http://p:1', NO_PROXY: 'mypurecloud.com' },
    ]) {
      const fromEnv = createDispatcher({ environment: genesys, env, ...TIMEOUTS });
      assert.equal(fromEnv.kind, 'envProxy', JSON.stringify(env));
      assert.ok(fromEnv.dispatcher instanceof EnvHttpProxyAgent);
      await fromEnv.dispatcher.close();
    }
    await explicit.dispatcher.close();
  });

  it('a loopback environment (the emulator) never goes through a proxy', async () => {
    const { kind, dispatcher } = createDispatcher({
      environment: resolveEnvironment('http://127.0.0.1:8080'),
      proxy: 'http://p:1',
      env: { HTTPS_PROXY: 'http://p:1' },
      ...TIMEOUTS,
    });
    assert.equal(kind, 'agent');
    await dispatcher.close();
  });

  it('a malformed proxy is a configuration error that does not echo it (it may hold credentials)', () => {
    assert.throws(
      () => createDispatcher({ environment: genesys, proxy: 'user:hunter2@proxy', env: {}, ...TIMEOUTS }),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration' && !e.message.includes('hunter2'),
    );
    assert.throws(
      () => createDispatcher({ environment: genesys, env: { HTTPS_PROXY: 'socks://x' }, ...TIMEOUTS }),
      (e: unknown) => isGenesysError(e) && e.kind === 'configuration',
    );
  });
});

describe('real connections on 127.0.0.1', () => {
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  before(async () => {
    proxy = await startRecordingProxy();
  });
  after(async () => {
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
  });

  it('the explicit proxy option tunnels token requests through the proxy', async () => {
    const client = new GenesysClient({
      environment: 'mypurecloud.de',
      clientId: 'c',
      clientSecret: 's',
      proxy: proxy.url,
      ...TIMEOUTS,
    });
    await assert.rejects(client.authenticate(), (e: unknown) => isGenesysError(e) && e.kind === 'network');
    assert.deepEqual(proxy.targets, ['login.mypurecloud.de:443']);
    await client.dispose();
  });

  it('HTTPS_PROXY from the environment is honoured', async () => {
    proxy.targets.length = 0;
    const { dispatcher } = createDispatcher({
      environment: resolveEnvironment('us-west-2'),
      env: { HTTPS_PROXY: proxy.url },
      ...TIMEOUTS,
    });
    await assert.rejects(request('https://api.usw2.pure.cloud/api/v2/organizations/me', { dispatcher }));
    assert.deepEqual(proxy.targets, ['api.usw2.pure.cloud:443']);
    await dispatcher.close();
  });

  it('NO_PROXY sends matching hosts direct; others still go through the proxy', async () => {
    let direct = 0;
    const target = createServer((_req, res) => {
      direct++;
      res.writeHead(200).end('direct');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/probe`;
    // A Genesys (non-loopback) environment, so the proxy variables are in force for this dispatcher.
    const environment = resolveEnvironment('us-west-2');
    try {
      const bypass = createDispatcher({
        environment,
        env: { HTTP_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' },
        ...TIMEOUTS,
      });
      proxy.targets.length = 0;
      const viaNoProxy = await request(url, { dispatcher: bypass.dispatcher });
      assert.equal(await viaNoProxy.body.text(), 'direct');
      assert.equal(direct, 1);
      assert.deepEqual(proxy.targets, [], 'the proxy was not asked');
      await bypass.dispatcher.close();

      proxy.targets.length = 0;
      const proxied = createDispatcher({
        environment,
        env: { HTTP_PROXY: proxy.url, NO_PROXY: 'example.com' },
        ...TIMEOUTS,
      });
      await assert.rejects(request(url, { dispatcher: proxied.dispatcher }), /Proxy response \(403\)/);
      assert.deepEqual(proxy.targets, [new URL(url).host], 'the recording proxy was asked for the target');
      assert.equal(direct, 1, 'the target was not reached directly');
      await proxied.dispatcher.close();
    } finally {
      target.closeAllConnections();
      await new Promise((resolve) => target.close(resolve));
    }
  });

  it("the client's own Agent talks to a real server, and retries a dropped connection", async () => {
    let apiCalls = 0;
    const server = createServer((req, res) => {
      if (req.url === '/oauth/token' && req.method === 'POST') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'tok', expires_in: 600 }));
      } else if (req.url === '/api/v2/organizations/me') {
        apiCalls++;
        if (apiCalls === 1) {
          req.socket.destroy(); // the "other side closed" case
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/json', 'inin-correlation-id': 'corr-real' })
          .end('{"id":"org-real"}');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const retries: RetryNotice[] = [];
    const client = new GenesysClient(
      {
        environment: `http://127.0.0.1:${port}`,
        clientId: 'c',
        clientSecret: 's',
        onRetry: (n) => retries.push(n),
        ...TIMEOUTS,
      },
      { sleep: async () => undefined, random: () => 0, now: Date.now },
    );
    try {
      assert.equal(await client.getOrganizationId(), 'org-real');
      assert.equal(apiCalls, 2);
      assert.equal(retries.length, 1);
      assert.match(retries[0].reason, /^connection reset/);
    } finally {
      await client.dispose();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
