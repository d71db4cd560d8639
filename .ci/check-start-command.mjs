#!/usr/bin/env node
// Checks that the Docker image starts the API the way the README documents it: the final
// stage's CMD equals `npm run start:prod`'s node command, the image sets NODE_ENV=production,
// and the README's Production section shows that exact command.
import { readFileSync } from 'node:fs';

const fail = (message) => {
  console.error(`start command check failed: ${message}`);
  process.exit(1);
};

const dockerfile = readFileSync('Dockerfile', 'utf8');
const stages = dockerfile.split(/^FROM /m);
const runtime = stages.at(-1);
const cmdLine = runtime.match(/^CMD (\[.*\])\s*$/m);
if (!cmdLine) fail('the final Dockerfile stage has no exec-form CMD ["node", ...]');
const cmd = JSON.parse(cmdLine[1]).join(' ');
if (!/^ENV[\s\S]*?NODE_ENV=production/m.test(runtime)) fail('the final Dockerfile stage does not set NODE_ENV=production');

const startProd = JSON.parse(readFileSync('api/package.json', 'utf8')).scripts['start:prod'] ?? '';
const match = startProd.match(/^cd \.\. && NODE_ENV=production (node .*)$/);
if (!match) fail(`api start:prod must be "cd .. && NODE_ENV=production node …" (got "${startProd}")`);
if (match[1] !== cmd) fail(`Dockerfile CMD "${cmd}" differs from start:prod "${match[1]}"`);

const readme = readFileSync('README.md', 'utf8');
if (!readme.includes(cmd)) fail(`README.md does not document the start command "${cmd}"`);
if (!readme.includes('npm run start:prod')) fail('README.md does not document npm run start:prod');
console.log(`start command ok: ${cmd}`);
