import { randomBytes } from 'node:crypto';

/**
 * Issued bearer tokens. Tokens are random opaque strings like the platform's; their only meaning is
 * the entry here. Expired entries are swept on each issue so a long run does not grow without bound.
 */
export class TokenStore {
  private readonly expiries = new Map<string, number>();

  issue(lifetimeSeconds: number, now = Date.now()): string {
    this.sweep(now);
    const token = randomBytes(32).toString('base64url');
    this.expiries.set(token, now + lifetimeSeconds * 1000);
    return token;
  }

  isValid(token: string, now = Date.now()): boolean {
    const expiry = this.expiries.get(token);
    return expiry !== undefined && expiry > now;
  }

  /** Makes every issued token fail from now on, as if its lifetime had run out. */
  expireAll(): void {
    this.expiries.clear();
  }

  private sweep(now: number): void {
    for (const [token, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(token);
  }
}

/** Reads `Authorization: Basic base64(id:secret)`; undefined when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before base64; decode them like a strict server would.
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return undefined;
  }
}

export function parseBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}
