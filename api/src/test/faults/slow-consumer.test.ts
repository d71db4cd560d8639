import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { gqlOk } from '../graphql.js';
import { startApiProcess, type ApiProcess } from '../process.js';
import { connectWs, disposeAllWs } from '../ws.js';
import { CREATE_TICKET, demoTokens, envInt, faultEnv, POST_MESSAGE, SEEDED, sleep, ticketInput, type FaultEnv } from './harness.js';

/**
 * A slow WebSocket consumer: a subscriber that stops reading (its TCP socket paused) while
 * large events keep coming. The server closes it once its unsent frames pass
 * WS_MAX_BUFFERED_BYTES instead of buffering everything addressed to it, so the server's
 * memory stays bounded; a fast subscriber in the same subscription group keeps receiving
 * every event right away. FAULT_SLOW_EVENTS (default 120) sets how many events are sent.
 * The server runs with a 128 MB heap limit so that RSS reflects retained memory, not garbage
 * the collector has not reached yet.
 */
const EVENTS = envInt('FAULT_SLOW_EVENTS', 120);
const SUBSCRIPTIONS = 100;
const BODY = 'x'.repeat(19_000);
const LIMIT_BYTES = 4 * 1024 * 1024;
const QUERY = 'subscription E($filter: TicketEventFilter) { ticketEvents(filter: $filter) { seq type message { id body } } }';

const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const MB = 1024 * 1024;

describe('slow WebSocket consumer', () => {
  let fault: FaultEnv | undefined;
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await disposeAllWs();
    await api?.stop();
    await fault?.cleanup();
  });

  it('closes a subscriber that reads nothing, keeps memory bounded, and does not delay the others', async () => {
    // A fixed old-space limit, as a container would set: garbage from the posts themselves is
    // collected before it shows as RSS growth, so the growth measured is what stays buffered.
    // Frames kept on the JavaScript heap would end the process; frames kept as buffers, the RSS.
    fault = faultEnv('sqlite', { WS_MAX_BUFFERED_BYTES: String(LIMIT_BYTES), NODE_OPTIONS: '--max-old-space-size=128' });
    const server = await startApiProcess(fault.env, SEEDED);
    api = server;
    const tokens = await demoTokens(server.url);
    const { createTicket: ticket } = await gqlOk<{ createTicket: { id: string } }>(server.url, CREATE_TICKET, { input: ticketInput('slow') }, { token: tokens.customer1 });
    const post = (body: string) => gqlOk(server.url, POST_MESSAGE, { input: { ticketId: ticket.id, body } }, { token: tokens.agent1 });

    // The slow consumer: a raw graphql-transport-ws socket with many subscriptions to the same events.
    const slow = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    let slowFrames = 0;
    let acked!: () => void;
    const ack = new Promise<void>((resolve) => (acked = resolve));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => slow.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    slow.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') acked();
      if (message.type === 'next') slowFrames++;
    });
    await new Promise((resolve, reject) => slow.once('open', resolve).once('error', reject));
    slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens.admin}` } }));
    await ack;
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      slow.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: QUERY, variables: { filter: { ticketId: ticket.id } } } }));
    }
    // The fast consumer: same document, variables and role, so it shares the slow one's group.
    const fast = connectWs(server.url, tokens.admin).subscribe<{ seq: number; message: { id: string } | null }>(QUERY, { filter: { ticketId: ticket.id } });
    for (let i = 0; i < 40 && slowFrames < SUBSCRIPTIONS; i++) {
      await post(`warm-up ${i}`);
      await sleep(250);
    }
    expect(slowFrames).toBeGreaterThanOrEqual(SUBSCRIPTIONS);
    await sleep(300);
    await fast.take(fast.pending.length);

    // Stop reading: from here on the kernel buffers fill, then the server's.
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();
    const baseline = rssBytes(server.child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.child.pid!))), 50);
    const latencies: number[] = [];
    try {
      for (let i = 0; i < EVENTS; i++) {
        const { postMessage } = await post(`${i} ${BODY}`);
        const sent = performance.now();
        const event = await fast.waitFor((e) => e.message?.id === (postMessage as { id: string }).id, 5000);
        latencies.push(performance.now() - sent);
        expect(event.message!.id).toBe((postMessage as { id: string }).id);
      }
    } finally {
      clearInterval(sampler);
    }
    const addressed = EVENTS * SUBSCRIPTIONS * BODY.length;
    const growth = peak - baseline;
    // Far less than what was addressed to the slow socket stayed in the server.
    expect(addressed).toBeGreaterThan(200 * MB);
    expect(growth).toBeLessThan(100 * MB);
    latencies.sort((x, y) => x - y);
    const p50 = latencies[Math.floor(latencies.length / 2)];
    const max = latencies[latencies.length - 1];
    expect(max).toBeLessThan(3000);

    // The slow socket was closed by the server: 1013 when it reads again within the grace time, else dropped.
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    const close = await Promise.race([closed, sleep(15_000).then(() => ({ code: -1, reason: 'still open' }))]);
    expect([1013, 1006]).toContain(close.code);
    expect(slowFrames).toBeLessThan(EVENTS * SUBSCRIPTIONS);
    // The server is fine and the fast consumer still live.
    const last = (await post('after the slow consumer')) as { postMessage: { id: string } };
    expect((await fast.waitFor((e) => e.message?.id === last.postMessage.id, 5000)).message!.id).toBe(last.postMessage.id);
    console.info(
      `[faults] slow consumer: ${Math.round(addressed / MB)} MB addressed to it, server RSS grew ${Math.round(growth / MB)} MB (peak ${Math.round(peak / MB)} MB), ` +
        `closed with ${close.code} after ${slowFrames} frames; fast subscriber latency p50 ${Math.round(p50)} ms, max ${Math.round(max)} ms`,
    );
  }, 180_000);
});
