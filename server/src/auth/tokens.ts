import { SignJWT, jwtVerify, errors } from 'jose';
import type { Role } from './role.js';

export interface TokenSubject {
  userId: number;
  tokenVersion: number;
}

/**
 * The OAuth scope a token carries for its user's role, for a router that refuses early what the
 * subgraph's `@requiresScopes` asks (federation/directives.ts). The server itself never trusts it:
 * it reads the user's role from the database on every request.
 */
export const scopeOf = (role: Role): string => `enrollment:${role.toLowerCase()}`;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

const ISSUER = 'zj-enrollment';
/** Verified tokens remembered per process; a client reuses its token for hours. */
const VERIFIED_CACHE_SIZE = 10000;

interface Verified {
  subject: TokenSubject;
  /** The token's `exp`, in milliseconds. */
  expiresAtMs: number;
}

/** Signed, expiring bearer tokens (HS256). A token names the user and the user's token version. */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, Verified>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(subject: TokenSubject & { role?: Role }, ttlSeconds = this.ttlSeconds): Promise<IssuedToken> {
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + ttlSeconds) * 1000);
    const token = await new SignJWT({ ver: subject.tokenVersion, ...(subject.role ? { scope: scopeOf(subject.role) } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(subject.userId))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt };
  }

  /**
   * The subject of a valid token; null for a tampered, expired or malformed one. A signature, once
   * checked, stays valid, so a known token costs only the expiry check (revocation is the caller's
   * check of the user's token version).
   */
  async verify(token: string): Promise<TokenSubject | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return known.subject;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const userId = Number(payload.sub);
      const tokenVersion = Number(payload.ver);
      if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(tokenVersion) || typeof payload.exp !== 'number') return null;
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
      this.verified.set(token, { subject: { userId, tokenVersion }, expiresAtMs: payload.exp * 1000 });
      return { userId, tokenVersion };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
