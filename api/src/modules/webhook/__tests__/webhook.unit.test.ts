import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError, isPrivateAddress, postJson } from '../../../platform/http/outbound.js';
import { signPayload, verifySignature } from '../webhook.signature.js';
import { retryDelayMs } from '../../../platform/outbox/outbox.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"type":"TICKET_CREATED","seq":7}';

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signPayload(secret, 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies only the exact body, secret and a recent timestamp', () => {
    const header = signPayload(secret, 1700000000, body);
    expect(verifySignature(secret, header, 1700000000, body, 1700000100)).toBe(true);
    expect(verifySignature(secret, header, 1700000000, body.replace('7', '8'), 1700000100)).toBe(false);
    expect(verifySignature('whsec_other', header, 1700000000, body, 1700000100)).toBe(false);
    expect(verifySignature(secret, header, 1700000001, body, 1700000100)).toBe(false);
    expect(verifySignature(secret, header, 1700000000, body, 1700001000)).toBe(false);
    expect(verifySignature(secret, 'sha256=00', 1700000000, body, 1700000100)).toBe(false);
  });
});

describe('webhook retries', () => {
  it('doubles the delay per attempt, with jitter in its upper half, up to the cap', () => {
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, 10_000, 3_600_000, () => 1)).toBe(80_000);
    expect(retryDelayMs(30, 10_000, 3_600_000, () => 1)).toBe(3_600_000);
    const delays = Array.from({ length: 50 }, () => retryDelayMs(3, 10_000, 3_600_000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(40_000);
  });
});

describe('outbound address guard', () => {
  it('classifies private, loopback, link-local and reserved addresses', () => {
    for (const address of ['127.0.0.1', '10.0.0.5', '172.20.1.1', '192.168.0.1', '169.254.169.254', '100.64.1.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111']) expect(isPrivateAddress(address), address).toBe(false);
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });

  it('refuses to connect to a name that resolves to loopback, checking at connection time', async () => {
    const options = { headers: {}, timeoutMs: 2000, allowPrivate: false };
    await expect(postJson('http://localhost:9/hook', '{}', options)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(postJson('http://127.0.0.1:9/hook', '{}', options)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(postJson('http://[::1]:9/hook', '{}', options)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(postJson('file:///etc/passwd', '{}', options)).rejects.toThrow(/Unsupported protocol/);
  });
});
