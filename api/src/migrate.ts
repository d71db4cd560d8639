import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import { entities } from './modules/index.js';
import { seedDemoData } from './modules/demo/demo.seed.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { initOrm } from './platform/db/orm.js';
import { createLogger } from './platform/logger.js';

/**
 * One-shot: applies pending migrations (and seeds an empty database when SEED_DEMO_DATA=true),
 * under the same lock the API takes at startup, then exits. `npm run migrate -w api`, or the
 * `migrate` service of docker-compose.yml before the replicas start.
 */
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
  const logger = createLogger(config.logLevel);
  const seed = config.seedDemoData ? async (orm: MikroORM) => void (await seedDemoData(orm.em.fork(), logger)) : undefined;
  const orm = await initOrm(config, entities, logger, { afterMigrate: seed });
  const pending = await orm.migrator.getPendingMigrations();
  await orm.close(true);
  logger.info({ database: config.database.kind, pending: pending.length }, 'migrations done');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
