import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

// out/test/unit/emulator → out/src/emulator/main.js
const MAIN = join(__dirname, '..', '..', '..', 'src', 'emulator', 'main.js');

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no output in 10 s: ${out}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      if (lines.length >= 3) {
        clearTimeout(timer);
        resolve(lines.slice(0, 2));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before listening: ${out}`));
    });
  });
}

describe('emulator main.ts', () => {
  it('prints its URL first, serves requests, and stops on SIGTERM', async () => {
    const child = run([
      '--port',
      '0',
      '--quiet',
      '--client-id',
      'cli-id',
      '--client-secret',
      'cli-secret',
      '--org-id',
      'org-x',
    ]);
    try {
      const [line1, line2] = await firstLine(child);
      const m = /^Genesys Cloud emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line1);
      assert.ok(m, line1);
      assert.match(
        line2,
        /GENESYS_ENV=http:\/\/127\.0\.0\.1:\d+ GENESYS_CLIENT_ID=cli-id GENESYS_CLIENT_SECRET=cli-secret/,
      );
      const url = m[1];
      const token = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        body: 'grant_type=client_credentials',
        headers: {
          authorization: `Basic ${Buffer.from('cli-id:cli-secret').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const org = await fetch(`${url}/api/v2/organizations/me`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      }).then((r) => r.json() as Promise<{ id: string }>);
      assert.equal(org.id, 'org-x');
    } finally {
      const exited = once(child, 'exit');
      process.kill(child.pid!, 'SIGTERM');
      const [code, signal] = await exited;
      assert.deepEqual([code, signal], [0, null], 'a clean exit, not a kill');
    }
  });

  it('stops on SIGINT too', async () => {
    const child = run(['--port', '0']);
    await firstLine(child);
    const exited = once(child, 'exit');
    process.kill(child.pid!, 'SIGINT');
    assert.deepEqual(await exited, [0, null]);
  });

  it('exits 2 with a reason for a bad flag', async () => {
    for (const args of [
      ['--port', 'eighty'],
      ['--token-lifetime', '-5'],
      ['--token-lifetime=0'],
      ['--colour'],
      ['extra'],
      ['--rate-limit', '0'],
      ['--rate-limit', '300/minute'],
      ['--latency', '-1'],
    ]) {
      const child = run(args);
      let err = '';
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
      });
      const [code] = await once(child, 'exit');
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^emulator: .*\n\nUsage:/s, args.join(' '));
    }
  });

  it('--rate-limit and --latency set the limits the admin API reports', async () => {
    const child = run(['--port', '0', '--quiet', '--rate-limit', '20/5', '--latency', '30']);
    try {
      const [line1] = await firstLine(child);
      const url = /listening on (\S+)$/.exec(line1)![1];
      const limits = await fetch(`${url}/__emulator/limits`).then((r) => r.json());
      assert.deepEqual(limits, { rateLimit: { allowed: 20, windowSeconds: 5 }, latencyMs: 30 });
    } finally {
      const exited = once(child, 'exit');
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    }
  });

  it('--print-data prints the built-in org data, which --data accepts back', async () => {
    const child = run(['--print-data']);
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    const { defaultOrgData } = await import('../../../src/emulator/defaultOrgData');
    const { validateOrgData } = await import('../../../src/emulator/orgData');
    const printed = JSON.parse(out);
    assert.deepEqual(printed, defaultOrgData());
    assert.equal(validateOrgData(printed), undefined);
  });

  it('exits 1 and names the file for a missing data file', async () => {
    const child = run(['--port', '0', '--data', '/nonexistent/org-data.json']);
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(err, /Cannot read data file \/nonexistent\/org-data\.json: ENOENT/);
  });
});
