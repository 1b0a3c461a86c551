import { GenesysError } from './errors';

export interface GenesysRegion {
  /** AWS region the Genesys Cloud region runs in, e.g. "us-east-1". */
  awsRegion: string;
  /** Genesys domain; the API is https://api.<domain>, tokens come from https://login.<domain>. */
  domain: string;
  /** Friendly name for pickers, e.g. "Americas (US East)". */
  label: string;
}

/** The 18 regions of the official SDK's PureCloudRegionHosts table (a unit test keeps them in step). */
export const REGIONS: readonly GenesysRegion[] = Object.freeze(
  [
    { awsRegion: 'us-east-1', domain: 'mypurecloud.com', label: 'Americas (US East)' },
    { awsRegion: 'us-east-2', domain: 'use2.us-gov-pure.cloud', label: 'Americas (US East 2, FedRAMP)' },
    { awsRegion: 'us-west-2', domain: 'usw2.pure.cloud', label: 'Americas (US West)' },
    { awsRegion: 'ca-central-1', domain: 'cac1.pure.cloud', label: 'Americas (Canada)' },
    { awsRegion: 'sa-east-1', domain: 'sae1.pure.cloud', label: 'Americas (São Paulo)' },
    { awsRegion: 'mx-central-1', domain: 'mxc1.pure.cloud', label: 'Americas (Mexico)' },
    { awsRegion: 'eu-west-1', domain: 'mypurecloud.ie', label: 'EMEA (Dublin)' },
    { awsRegion: 'eu-west-2', domain: 'euw2.pure.cloud', label: 'EMEA (London)' },
    { awsRegion: 'eu-central-1', domain: 'mypurecloud.de', label: 'EMEA (Frankfurt)' },
    { awsRegion: 'eu-central-2', domain: 'euc2.pure.cloud', label: 'EMEA (Zurich)' },
    { awsRegion: 'me-central-1', domain: 'mec1.pure.cloud', label: 'EMEA (UAE)' },
    { awsRegion: 'eusc-de-east-1', domain: 'edee1.eusc-pure.cloud', label: 'EMEA (EU Sovereign Cloud, Germany)' },
    { awsRegion: 'ap-south-1', domain: 'aps1.pure.cloud', label: 'Asia Pacific (Mumbai)' },
    { awsRegion: 'ap-southeast-1', domain: 'apse1.pure.cloud', label: 'Asia Pacific (Singapore)' },
    { awsRegion: 'ap-southeast-2', domain: 'mypurecloud.com.au', label: 'Asia Pacific (Sydney)' },
    { awsRegion: 'ap-northeast-1', domain: 'mypurecloud.jp', label: 'Asia Pacific (Tokyo)' },
    { awsRegion: 'ap-northeast-2', domain: 'apne2.pure.cloud', label: 'Asia Pacific (Seoul)' },
    { awsRegion: 'ap-northeast-3', domain: 'apne3.pure.cloud', label: 'Asia Pacific (Osaka)' },
  ].map((region) => Object.freeze(region)),
);

export interface GenesysEnvironment {
  /** Base for /api/v2 paths, without a trailing slash. */
  apiBase: string;
  /** Full URL of the OAuth token endpoint. */
  tokenUrl: string;
  label: string;
  region?: GenesysRegion;
  /** True for an http(s)://host:port origin (emulator, proxy) rather than a Genesys Cloud region. */
  custom: boolean;
}

const ACCEPTED_FORMS =
  'Use an AWS region name (e.g. us-east-1), a Genesys Cloud domain (e.g. mypurecloud.com or usw2.pure.cloud, ' +
  'optionally with https:// or a leading api./login.), or an http(s)://host:port origin that serves /oauth/token ' +
  'and /api/v2 (plain http:// only for 127.0.0.1, localhost or [::1]).';

/**
 * Turns what a user typed (GENESYS_ENV, a setting, a profile) into API and token URLs.
 * Throws a GenesysError of kind 'configuration' that lists the accepted forms.
 */
export function resolveEnvironment(input: string): GenesysEnvironment {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') throw configurationError('The Genesys Cloud environment is empty.');

  const byAwsRegion = REGIONS.find((r) => r.awsRegion === text.toLowerCase().replace(/_/g, '-'));
  if (byAwsRegion) return regionEnvironment(byAwsRegion);

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return resolveUrl(text);

  const byDomain = findRegionByHost(text.toLowerCase().replace(/\/+$/, ''));
  if (byDomain) return regionEnvironment(byDomain);
  throw configurationError(`"${text}" is not a known Genesys Cloud region or domain.`);
}

function resolveUrl(text: string): GenesysEnvironment {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configurationError(`"${text}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configurationError(
      `"${text}" uses ${url.protocol.slice(0, -1)}://; only https:// (or http:// for loopback) works.`,
    );
  }
  if (url.username || url.password) {
    // Not echoed: the part before "@" may be a password.
    throw configurationError(
      `The environment URL for ${url.host} contains credentials (user:password@); the OAuth client id and secret are given separately.`,
    );
  }
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw configurationError(
      `"${text}" must be just an origin (scheme, host and optional port), with no path, query or credentials.`,
    );
  }

  const known = url.protocol === 'https:' && url.port === '' ? findRegionByHost(url.hostname) : undefined;
  if (known) return regionEnvironment(known);

  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw configurationError(
      `"${text}" uses plain http:// for a host that is not loopback; use https:// (http:// is only allowed for 127.0.0.1, localhost or [::1]).`,
    );
  }
  const origin = url.origin;
  return { apiBase: origin, tokenUrl: `${origin}/oauth/token`, label: `Custom (${origin})`, custom: true };
}

function findRegionByHost(host: string): GenesysRegion | undefined {
  const domain = host.replace(/^(api|login)\./, '');
  return REGIONS.find((r) => r.domain === domain);
}

function regionEnvironment(region: GenesysRegion): GenesysEnvironment {
  return {
    apiBase: `https://api.${region.domain}`,
    tokenUrl: `https://login.${region.domain}/oauth/token`,
    label: region.label,
    region,
    custom: false,
  };
}

/** Loopback hosts may use plain http (local emulator); `hostname` as URL gives it, IPv6 in brackets. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

function configurationError(problem: string): GenesysError {
  return new GenesysError('configuration', `${problem} ${ACCEPTED_FORMS}`);
}
