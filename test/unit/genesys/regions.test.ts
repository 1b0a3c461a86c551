import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REGIONS, resolveEnvironment, isLoopbackHost } from '../../../src/genesys/regions';
import { isGenesysError } from '../../../src/genesys/errors';

// The official SDK's node build exports its region table as PureCloudRegionHosts ({ us_east_1: 'mypurecloud.com', … }).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('purecloud-platform-client-v2') as { PureCloudRegionHosts: Record<string, string> };

function assertConfigurationError(input: string, mentions: RegExp): void {
  assert.throws(
    () => resolveEnvironment(input),
    (e: unknown) => {
      assert.ok(isGenesysError(e), 'a GenesysError');
      assert.equal(e.kind, 'configuration');
      assert.match(e.message, mentions);
      // Every configuration error lists what is accepted.
      assert.match(e.message, /AWS region name/);
      assert.match(e.message, /http\(s\):\/\/host:port/);
      return true;
    },
  );
}

describe('regions table', () => {
  it('equals the official SDK table (PureCloudRegionHosts)', () => {
    const sdkTable = Object.entries(sdk.PureCloudRegionHosts)
      .map(([key, domain]) => `${key.replace(/_/g, '-')} ${domain}`)
      .sort();
    const ours = REGIONS.map((r) => `${r.awsRegion} ${r.domain}`).sort();
    assert.equal(ours.length, 18);
    assert.deepEqual(ours, sdkTable);
  });

  it('gives every region a unique friendly label in "Area (Place)" form', () => {
    const labels = REGIONS.map((r) => r.label);
    assert.equal(new Set(labels).size, labels.length);
    for (const label of labels) assert.match(label, /^(Americas|EMEA|Asia Pacific) \(.+\)$/);
    assert.equal(REGIONS.find((r) => r.awsRegion === 'us-east-1')?.label, 'Americas (US East)');
    assert.equal(REGIONS.find((r) => r.awsRegion === 'eu-central-1')?.label, 'EMEA (Frankfurt)');
    assert.equal(REGIONS.find((r) => r.awsRegion === 'ap-northeast-1')?.label, 'Asia Pacific (Tokyo)');
  });

  it('is frozen', () => {
    assert.throws(() => (REGIONS as unknown as unknown[]).push({}));
    assert.throws(() => {
      (REGIONS[0] as { domain: string }).domain = 'evil.example';
    });
  });
});

describe('resolveEnvironment', () => {
  for (const region of REGIONS) {
    const expected = {
      apiBase: `https://api.${region.domain}`,
      tokenUrl: `https://login.${region.domain}/oauth/token`,
      label: region.label,
      region,
      custom: false,
    };
    it(`resolves every form of ${region.awsRegion} / ${region.domain}`, () => {
      const forms = [
        region.awsRegion,
        region.awsRegion.toUpperCase(),
        region.awsRegion.replace(/-/g, '_'),
        region.domain,
        `${region.domain}/`,
        `  ${region.domain}  `,
        `api.${region.domain}`,
        `login.${region.domain}`,
        `https://${region.domain}`,
        `https://${region.domain}/`,
        `https://api.${region.domain}`,
        `https://login.${region.domain}/`,
        `HTTPS://API.${region.domain.toUpperCase()}`,
      ];
      for (const form of forms) assert.deepEqual(resolveEnvironment(form), expected, form);
    });
  }

  it('accepts a loopback http origin as a custom environment', () => {
    for (const [input, origin] of [
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
      ['http://localhost:3000', 'http://localhost:3000'],
      ['http://[::1]:4000', 'http://[::1]:4000'],
      ['http://127.4.5.6:1', 'http://127.4.5.6:1'],
    ]) {
      assert.deepEqual(resolveEnvironment(input), {
        apiBase: origin,
        tokenUrl: `${origin}/oauth/token`,
        label: `Custom (${origin})`,
        custom: true,
      });
    }
  });

  it('accepts any https origin (proxies, gateways) as a custom environment', () => {
    const env = resolveEnvironment('https://genesys-gateway.example.com:8443');
    assert.equal(env.apiBase, 'https://genesys-gateway.example.com:8443');
    assert.equal(env.tokenUrl, 'https://genesys-gateway.example.com:8443/oauth/token');
    assert.equal(env.custom, true);
    assert.equal(env.region, undefined);
  });

  it('rejects plain http to a non-loopback host', () => {
    assertConfigurationError('http://api.mypurecloud.com', /plain http:\/\/.*not loopback/);
    assertConfigurationError('http://10.0.0.5:8080', /plain http:\/\//);
    assertConfigurationError('http://128.0.0.1:8080', /plain http:\/\//);
    assertConfigurationError('http://localhost.evil.com:8080', /plain http:\/\//);
  });

  it('rejects garbage with a message that lists the accepted forms', () => {
    assertConfigurationError('', /empty/);
    assertConfigurationError('   ', /empty/);
    assertConfigurationError('us-east-9', /"us-east-9" is not a known Genesys Cloud region or domain/);
    assertConfigurationError('mypurecloud.con', /not a known/);
    assertConfigurationError('127.0.0.1:8080', /not a known/);
    assertConfigurationError('ftp://127.0.0.1', /ftp:\/\//);
    assertConfigurationError('https://', /not a valid URL/);
    assertConfigurationError('https://api.mypurecloud.com/api/v2', /just an origin/);
    // Credentials in the URL are refused without echoing them (the part before "@" may be a password).
    assertConfigurationError('https://user:hunter2pw@api.mypurecloud.com', /contains credentials/);
    assert.throws(
      () => resolveEnvironment('https://user:hunter2pw@api.mypurecloud.com'),
      (e: unknown) => e instanceof Error && !e.message.includes('hunter2pw'),
    );
    assertConfigurationError('http://127.0.0.1:8080/?x=1', /just an origin/);
  });

  it('does not mistake a custom port on a Genesys domain for the region', () => {
    const env = resolveEnvironment('https://api.mypurecloud.com:8443');
    assert.equal(env.custom, true);
    assert.equal(env.apiBase, 'https://api.mypurecloud.com:8443');
  });

  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.255.255.254', '[::1]']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['128.0.0.1', '127.0.0', 'localhost.example.com', '::1', '127.0.0.256', 'example.com']) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });
});
