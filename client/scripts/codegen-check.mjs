#!/usr/bin/env node
// Fails when the committed GraphQL codegen output differs from what `npm run codegen` produces now.
// Generates in memory (nothing on disk is touched), so it is safe to run on a fresh clone in CI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const configFile = join(root, 'codegen.yml');
const generatedDir = join(root, 'client/src/generated');

process.chdir(root);

let cli;
try {
  cli = await import('@graphql-codegen/cli');
} catch (error) {
  console.error(`codegen:check: cannot load @graphql-codegen/cli (run npm install first): ${error.message}`);
  process.exit(2);
}

let outputs;
try {
  const context = await cli.loadContext(configFile);
  context.updateConfig({ silent: true, errorsOnly: true });
  outputs = await cli.generate(context, false);
} catch (error) {
  console.error('codegen:check: GraphQL code generation failed:');
  console.error(error?.message ?? error);
  process.exit(1);
}

const problems = [];
const expected = new Set();
for (const { filename, content } of outputs) {
  const file = resolve(root, filename);
  const name = relative(root, file);
  expected.add(file);
  if (!existsSync(file)) {
    problems.push(`${name} is missing`);
    continue;
  }
  const committed = readFileSync(file, 'utf8');
  if (committed !== content) {
    const committedLines = committed.split('\n');
    const freshLines = content.split('\n');
    let line = 0;
    while (line < committedLines.length && committedLines[line] === freshLines[line]) line += 1;
    problems.push(
      `${name} is out of date (first difference at line ${line + 1}):\n` +
        `    committed: ${JSON.stringify(committedLines[line] ?? '<end of file>')}\n` +
        `    expected:  ${JSON.stringify(freshLines[line] ?? '<end of file>')}`,
    );
  }
}

// Only codegen writes into client/src/generated: anything else there is a leftover.
if (existsSync(generatedDir)) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  for (const file of walk(generatedDir)) {
    if (!expected.has(file)) problems.push(`${relative(root, file)} is not produced by codegen.yml (remove it)`);
  }
}

if (problems.length > 0) {
  console.error('codegen:check: the generated GraphQL code does not match the schema and documents:');
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error('Run `npm run codegen` and commit the result.');
  process.exit(1);
}
console.log(`codegen:check: ${outputs.length} generated file(s) up to date`);
