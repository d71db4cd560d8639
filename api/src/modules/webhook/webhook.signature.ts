import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Sociodesk-Signature: sha256=<hex>`: HMAC-SHA256 with the endpoint's secret over
 * `<timestamp>.<raw body>`, where the timestamp is `X-Sociodesk-Timestamp` (Unix seconds).
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
export function verifySignature(secret: string, header: string, timestamp: number, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const actual = Buffer.from(header);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
