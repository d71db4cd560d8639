import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const apiDir = join(repoRoot, 'api');
const clientDist = join(repoRoot, 'client/dist');

export function buildClientIfNeeded(): void {
  // The script builds for production even under Vitest's NODE_ENV=test.
  const result = spawnSync(process.execPath, [join(repoRoot, 'client/scripts/build-if-needed.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Building the client failed (exit ${result.status ?? result.signal})`);
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the API as a child process on a free port with a fresh SQLite database, demo data and
 * the built client, and resolves once it prints "Sociodesk is running: <url>".
 */
export async function startApiServer(timeoutMs = 240_000): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SWC_NODE_PROJECT: 'tsconfig.json',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    UPLOAD_DIR: join(dataDir, 'uploads'),
    SEED_DEMO_DATA: 'true',
    CLIENT_DIST: clientDist,
    LOG_LEVEL: 'warn',
    // The SLA worker checks every second, so an SLA that runs out is escalated (and notified) at once.
    SLA_WORKER_INTERVAL_MS: '1000',
    // Webhook receivers in the tests listen on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // Every test file signs in as the same few demo users, one after another, so their cost
    // buckets would run dry (429) partway through the run; the limits have their own API tests.
    RATE_LIMIT_MAX_POINTS: '1000000',
    RATE_LIMIT_RESTORE_RATE: '100000',
  };
  // Never the shared services: this run has its own database and in-process pub/sub.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.NODE_ENV;

  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: apiDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Sociodesk is running: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The API exited before it was ready (${code ?? signal}):\n${output}`));
    });
  });

  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
