#!/usr/bin/env node
// Builds the web client only when client/dist is missing or older than its sources,
// so `npm start` builds once after install and starts fast afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const client = join(root, 'client');
const builtIndex = join(client, 'dist/index.html');
const sources = [join(client, 'src'), join(client, 'public'), join(client, 'index.html'), join(client, 'widget.html'), join(client, 'vite.config.ts'), join(client, 'package.json')];

/** The newest file under `path` (a file or a folder), or null when it does not exist. */
function newestFile(path) {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let newest = null;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const found = newestFile(join(path, entry.name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'client/dist/index.html is missing';
  if (!existsSync(join(client, 'dist/widget.html'))) return 'client/dist/widget.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const source of sources) {
    const newest = newestFile(source);
    if (newest && newest.mtimeMs > builtAt) return `${relative(root, newest.path)} changed since the last build`;
  }
  return null;
}

const reason = reasonToBuild();
if (!reason) {
  console.log('client: build is up to date');
  process.exit(0);
}
console.log(`client: building (${reason})`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// A production bundle whatever NODE_ENV the caller has (test runners set it to "test").
const env = { ...process.env, NODE_ENV: 'production' };
const result = spawnSync(npm, ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) {
  console.error(`client: could not run the build: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`client: build failed (exit ${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}
