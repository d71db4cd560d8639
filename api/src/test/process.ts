import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The api/ folder: the spawned process runs from there, like `npm start` does. */
const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// Never leave a server behind when the test run dies early.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL when the process has not exited within `graceMs`. */
async function terminate(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(timer);
  }
  children.delete(child);
}

/** Minimal inherited environment: the rest comes from the test server's env. */
function baseEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) if (process.env[key]) out[key] = process.env[key]!;
  return out;
}

/**
 * Starts a second, real API process (`src/main.ts` through swc) with a test server's env
 * (same DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWT_SECRET) on a free port, and resolves
 * once it prints "Sociodesk is running: <url>".
 */
export async function startApiProcess(
  env: Record<string, string>,
  overrides: Record<string, string> = {},
  timeoutMs = 90_000,
  /** Modules to preload before the app (e.g. `./src/instrumentation.mjs`). */
  preload: string[] = [],
): Promise<ApiProcess> {
  const child = spawn(process.execPath, [...preload.flatMap((m) => ['--import', m]), '--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...baseEnv(),
      ...env,
      SWC_NODE_PROJECT: 'tsconfig.json',
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...overrides,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`API process not ready within ${timeoutMs}ms:\n${output}`)), timeoutMs);
      const onData = () => {
        const match = /Sociodesk is running: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolveUrl(match[1]);
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`API process exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    return { url, child, output: () => output, stop: () => terminate(child) };
  } catch (error) {
    await terminate(child, 2000);
    throw error;
  }
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface RedisProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** Kills the server at once (SIGKILL), as in a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a private, non-persistent redis-server on `port` and waits until it accepts connections. */
export async function startRedisServer(port: number, timeoutMs = 15_000): Promise<RedisProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  try {
    await new Promise<void>((ready, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server not ready within ${timeoutMs}ms:\n${output}`)), timeoutMs);
      child.stdout!.on('data', () => {
        if (!/Ready to accept connections/i.test(output)) return;
        clearTimeout(timer);
        ready();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code ?? signal}):\n${output}`));
      });
    });
  } catch (error) {
    await terminate(child, 2000);
    throw error;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
      children.delete(child);
    },
    stop: () => terminate(child, 5000),
  };
}
