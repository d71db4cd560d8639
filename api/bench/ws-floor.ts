/**
 * The floor for the fan-out benchmark: a plain `ws` server that broadcasts one message to
 * every other client when a control client sends it. No GraphQL, no protocol.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('listening', () => {
  const address = wss.address();
  console.log(`floor listening on ${address && typeof address === 'object' ? address.port : address}`);
});
wss.on('connection', (socket: WebSocket) => {
  socket.on('message', (data) => {
    const text = String(data);
    if (!text.startsWith('broadcast:')) return;
    const payload = text.slice('broadcast:'.length);
    for (const client of wss.clients) if (client !== socket) client.send(payload);
  });
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
