/**
 * Platform operators from the command line (uses the same DATABASE_URL as the server):
 *   npm run operator -w api -- grant <email>
 *   npm run operator -w api -- revoke <email>
 *   npm run operator -w api -- list
 */
import 'reflect-metadata';
import { entities } from '../src/modules/index.js';
import { listPlatformOperators, setPlatformOperator } from '../src/modules/operator/operator.cli.js';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { initOrm } from '../src/platform/db/orm.js';

const [command, email] = process.argv.slice(2);
if (!['grant', 'revoke', 'list'].includes(command ?? '') || (command !== 'list' && !email)) {
  console.error('usage: npm run operator -w api -- grant <email> | revoke <email> | list');
  process.exit(2);
}
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(78);
}
const orm = await initOrm(config, entities);
try {
  const em = orm.em.fork();
  if (command === 'list') {
    const emails = await listPlatformOperators(em);
    const fromEnv = config.accounts.operatorEmails.map((e) => `${e} (PLATFORM_OPERATOR_EMAILS)`);
    console.log([...emails, ...fromEnv].join('\n') || 'No platform operators.');
  } else if (await setPlatformOperator(em, email, command === 'grant')) {
    console.log(`${email}: platform operator ${command === 'grant' ? 'granted' : 'revoked'} (effective at the next sign-in).`);
  } else {
    console.error(`No user with the email ${email}. Create the account first (sign-up or a workspace admin).`);
    process.exitCode = 1;
  }
} finally {
  await orm.close(true);
}
