/**
 * Prints the GraphQL contract (with role directives) to ../schema.graphql.
 * `--check` fails when the committed file differs from what the code emits.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolvers } from '../src/modules/index.js';
import { buildAppSchema, printContract } from '../src/platform/graphql/schema.js';

const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const emitted = printContract(await buildAppSchema({ resolvers }));

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing file counts as drift
  }
  if (committed !== emitted) {
    console.error('schema.graphql is out of date: run `npm run schema` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code.');
} else {
  writeFileSync(target, emitted);
  console.log(`wrote ${target}`);
}
