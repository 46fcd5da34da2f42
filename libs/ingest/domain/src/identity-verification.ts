import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Identity {
  name?: string;
  email?: string;
}

export type IdentityCheck = { ok: true; identity: Identity | undefined } | { ok: false; problem: string };

/** The string a brand's server signs for HMAC verification: the email and the name, one a line (empty if absent). */
export function identitySigningInput(identity: Identity): string {
  return `${identity.email ?? ''}\n${identity.name ?? ''}`;
}

/** Hex HMAC-SHA256 of the identity with the app's identity secret, as the brand's server computes it. */
export function signIdentity(secret: string, identity: Identity): string {
  return createHmac('sha256', secret).update(identitySigningInput(identity)).digest('hex');
}

function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function base64UrlJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The identity claims of a JWT the brand's server signed with HS256, or why it can't be trusted. */
function identityFromToken(secret: string, token: string, now: number): IdentityCheck {
  const parts = token.split('.');
  const header = parts.length === 3 ? base64UrlJson(parts[0]) : undefined;
  const claims = parts.length === 3 ? base64UrlJson(parts[1]) : undefined;
  if (!header || !claims) return { ok: false, problem: 'identityToken is not a JWT' };
  // Only HS256: a token may not choose a weaker algorithm (or none) for itself.
  if (header.alg !== 'HS256') return { ok: false, problem: 'identityToken must be signed with HS256' };
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  if (!equalSecrets(expected, parts[2])) return { ok: false, problem: "identityToken's signature does not match this app's identity secret" };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < now) return { ok: false, problem: 'identityToken has expired (or has no exp claim)' };
  const name = typeof claims.name === 'string' ? claims.name : undefined;
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  return { ok: true, identity: name === undefined && email === undefined ? undefined : { ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) } };
}

/**
 * Where an app requires it (it has an identity secret), the end user's name and email count only
 * if the brand's server vouched for them: an HMAC of them in `identity.signature`, or an HS256 JWT
 * holding them in `identityToken`. The signature itself goes no further than this check.
 */
export function verifyIdentity(
  secret: string | null,
  identity: (Identity & { signature?: string }) | undefined,
  identityToken: string | undefined,
  now = Date.now(),
): IdentityCheck {
  const { signature, ...claims } = identity ?? {};
  const given = identity ? claims : undefined;
  if (!secret) {
    if (identityToken || signature) return { ok: false, problem: 'this app verifies no identities: send the identity unsigned (or give the app an identity secret)' };
    return { ok: true, identity: given };
  }
  if (identityToken) {
    if (identity) return { ok: false, problem: 'send the identity either in identityToken or signed in identity, not both' };
    return identityFromToken(secret, identityToken, now);
  }
  if (!given) return { ok: true, identity: undefined };
  if (!signature) return { ok: false, problem: "this app requires the identity to be signed by the brand's server (identity.signature or identityToken)" };
  if (!equalSecrets(signIdentity(secret, given), signature)) return { ok: false, problem: "identity.signature does not match this app's identity secret" };
  return { ok: true, identity: given };
}
