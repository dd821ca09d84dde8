import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, withDatabase } from '@shop/kit/embedded-postgres';
import { migrateDatabase } from '@shop/kit/migrate';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    /** Names of this run's databases start with it: concurrent runs on one server never touch each other's. */
    testDbPrefix: string;
  }
}

/**
 * One real PostgreSQL for the run: DATABASE_URL's server when set, else an
 * embedded one under tests/.artifacts. A migrated template database is built
 * once; each test file clones it (tests/kit/test-db.ts).
 */
export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const dataDir = join(project.config.root, 'tests/.artifacts');
    const server = await startEmbeddedPostgres(dataDir, Number(process.env.TEST_PG_PORT ?? 54330));
    serverUrl = server.url;
    stop = server.stop;
  }
  const prefix = `shop_test_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${prefix}_template"`);
  await migrateDatabase(withDatabase(serverUrl, `${prefix}_template`), SUBGRAPHS);
  project.provide('pgServerUrl', serverUrl);
  project.provide('testDbPrefix', prefix);
  return async () => {
    // This run's databases, the template and any left by crashed files, go with the run.
    const leftovers = await admin`select datname from pg_database where starts_with(datname, ${prefix})`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    await stop();
  };
}
