/**
 * Events per second through one Redis: `npm run bench:redis -w api -- [events] [subscribers]`.
 * Publishes ticket-event-sized envelopes (about 400 bytes) on one channel, pipelined like a
 * busy API instance, to N subscriber connections (one per API instance), and reports the
 * publish rate and the rate at which every subscriber has received them. REDIS_URL picks the
 * server (default redis://127.0.0.1:6379); the channel is private to the run.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const EVENTS = Number(process.argv[2] ?? 100_000);
const SUBSCRIBERS = Number(process.argv[3] ?? 4);
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = `sociodesk-bench:${randomBytes(6).toString('hex')}`;
const envelope = JSON.stringify({ id: randomBytes(16).toString('hex'), tenantId: randomBytes(16).toString('hex'), seq: 1, type: 'TICKET_UPDATED', payload: { pad: 'x'.repeat(260) } });

const subs = await Promise.all(
  Array.from({ length: SUBSCRIBERS }, async () => {
    const r = new Redis(url);
    await r.subscribe(channel);
    return r;
  }),
);
let received = 0;
const done = new Promise<void>((resolve) => {
  for (const s of subs) s.on('message', () => ++received === EVENTS * SUBSCRIBERS && resolve());
});
const pub = new Redis(url);
const started = process.hrtime.bigint();
for (let i = 0; i < EVENTS; i += 1000) {
  const pipeline = pub.pipeline();
  for (let j = i; j < Math.min(EVENTS, i + 1000); j++) pipeline.publish(channel, envelope);
  await pipeline.exec();
}
const published = Number(process.hrtime.bigint() - started) / 1e9;
await done;
const all = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`envelope ${envelope.length} bytes, ${EVENTS} events, ${SUBSCRIBERS} subscriber connections`);
console.log(`published: ${Math.round(EVENTS / published)} events/s; delivered to every subscriber: ${Math.round(EVENTS / all)} events/s (${Math.round((EVENTS * SUBSCRIBERS) / all)} messages/s)`);
pub.disconnect();
for (const s of subs) s.disconnect();
