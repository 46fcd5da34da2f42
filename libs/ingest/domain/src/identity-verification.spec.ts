import { createHmac } from 'node:crypto';
import { signIdentity, verifyIdentity } from './identity-verification';

const SECRET = 'brand-server-secret';
const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };

/** An HS256 JWT as a brand's server would sign it. */
function jwt(claims: Record<string, unknown>, secret = SECRET, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('verifyIdentity', () => {
  it('passes an unsigned identity through for an app that verifies none, without any signature field', () => {
    expect(verifyIdentity(null, ADA, undefined)).toEqual({ ok: true, identity: ADA });
    expect(verifyIdentity(null, { ...ADA, signature: 'ab'.repeat(32) }, undefined)).toMatchObject({ ok: false });
  });

  it('accepts an identity with the HMAC the brand signed it with, and drops the signature', () => {
    expect(verifyIdentity(SECRET, { ...ADA, signature: signIdentity(SECRET, ADA) }, undefined)).toEqual({ ok: true, identity: ADA });
  });

  it('refuses an unsigned identity, a wrong signature, and a signature over other values', () => {
    expect(verifyIdentity(SECRET, ADA, undefined)).toMatchObject({ ok: false, problem: expect.stringContaining('requires the identity to be signed') });
    expect(verifyIdentity(SECRET, { ...ADA, signature: signIdentity('another-secret', ADA) }, undefined)).toMatchObject({ ok: false });
    expect(verifyIdentity(SECRET, { ...ADA, email: 'eve@example.com', signature: signIdentity(SECRET, ADA) }, undefined)).toMatchObject({ ok: false });
  });

  it('takes the identity from a valid HS256 JWT', () => {
    expect(verifyIdentity(SECRET, undefined, jwt({ ...ADA, exp: inAnHour() }))).toEqual({ ok: true, identity: ADA });
  });

  it('refuses a JWT that is expired, signed with another secret, tampered with, or not HS256', () => {
    expect(verifyIdentity(SECRET, undefined, jwt({ ...ADA, exp: 1 }))).toMatchObject({ ok: false, problem: expect.stringContaining('expired') });
    expect(verifyIdentity(SECRET, undefined, jwt({ ...ADA, exp: inAnHour() }, 'another-secret'))).toMatchObject({ ok: false });
    const [header, , signature] = jwt({ ...ADA, exp: inAnHour() }).split('.');
    const forged = Buffer.from(JSON.stringify({ name: 'Eve', exp: inAnHour() })).toString('base64url');
    expect(verifyIdentity(SECRET, undefined, `${header}.${forged}.${signature}`)).toMatchObject({ ok: false });
    expect(verifyIdentity(SECRET, undefined, jwt({ ...ADA, exp: inAnHour() }, SECRET, { alg: 'none' }))).toMatchObject({ ok: false, problem: expect.stringContaining('HS256') });
    expect(verifyIdentity(SECRET, undefined, 'not-a-jwt')).toMatchObject({ ok: false });
  });
});
