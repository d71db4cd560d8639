import 'reflect-metadata';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';

/** Sends the spans still buffered when tracing is on (see instrumentation.mjs). */
async function flushTelemetry(): Promise<void> {
  const shutdown = (globalThis as Record<symbol, (() => Promise<void>) | undefined>)[Symbol.for('sociodesk.telemetry.shutdown')];
  await shutdown?.().catch(() => undefined);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const app = await buildApp(config);
  console.log(`Sociodesk is running: ${app.url}  (GraphQL at ${app.url}/graphql)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: draining requests and closing sockets');
    // Bounded: whatever is still open after the grace period (and a margin) is cut.
    setTimeout(() => {
      app.logger.error('shutdown took too long: exiting anyway');
      process.exit(1);
    }, config.shutdownGraceMs + 15_000).unref();
    await app.close();
    await flushTelemetry();
    app.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  // A setting found wrong only once connected (a mysql:// URL on a MariaDB server).
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  // A refused start (another process owns the data folder) is a message, not a stack trace.
  if (error instanceof Error && error.name === 'DatabaseLockedError') {
    console.error(`Sociodesk cannot start: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
