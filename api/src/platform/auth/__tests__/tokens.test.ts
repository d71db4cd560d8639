import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { Role } from '../principal.js';
import { TokenService } from '../tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('TokenService (HMAC key made once)', () => {
  const tokens = new TokenService(SECRET, 900);
  const input = { userId: 'u1', tenantId: 't1', role: Role.AGENT };

  it('verifies what it signs', () => {
    const { token, jti } = tokens.sign(input);
    expect(tokens.verify(token)).toMatchObject({ kind: 'user', userId: 'u1', tenantId: 't1', role: Role.AGENT, tokenId: jti });
  });

  it('accepts tokens signed with the same secret as a string (tokens issued before the key object)', () => {
    const token = jwt.sign({ sub: 'u2', tid: 't2', role: Role.ADMIN, jti: 'j2' }, SECRET, { algorithm: 'HS256', expiresIn: 60, issuer: 'sociodesk' });
    expect(tokens.verify(token)).toMatchObject({ userId: 'u2', tenantId: 't2', role: Role.ADMIN });
  });

  it('rejects another secret, a tampered payload and another algorithm', () => {
    const other = new TokenService(`${SECRET}-other`, 900).sign(input).token;
    expect(() => tokens.verify(other)).toThrow('Invalid access token');
    const [h, , s] = tokens.sign(input).token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', tid: 'other-tenant', role: Role.ADMIN, jti: 'x', iss: 'sociodesk', exp: 9999999999 })).toString('base64url');
    expect(() => tokens.verify(`${h}.${forged}.${s}`)).toThrow('Invalid access token');
    const hs512 = jwt.sign({ sub: 'u1', tid: 't1', role: Role.AGENT, jti: 'j' }, SECRET, { algorithm: 'HS512', issuer: 'sociodesk' });
    expect(() => tokens.verify(hs512)).toThrow('Invalid access token');
  });

  it('rejects an expired token as expired', () => {
    const expired = jwt.sign({ sub: 'u1', tid: 't1', role: Role.AGENT, jti: 'j', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { algorithm: 'HS256', issuer: 'sociodesk' });
    expect(() => tokens.verify(expired)).toThrow('Access token expired');
  });
});
