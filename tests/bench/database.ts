import { connect, type Database } from '@shop/kit';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '@shop/kit/embedded-postgres';
import { migrateDatabase } from '@shop/kit/migrate';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';

/**
 * A benchmark's own migrated database, kept between runs so its data is built
 * once: on DATABASE_URL's server when set, else on an embedded PostgreSQL under
 * tests/.artifacts/bench. Import after ./env.js. `stop` closes both.
 */
export async function openBenchDatabase(name: string, options: { max: number }): Promise<{ database: Database; url: string; stop(): Promise<void> }> {
  const server = process.env.DATABASE_URL
    ? { url: withDatabase(process.env.DATABASE_URL, 'postgres'), stop: async () => {} }
    : await startEmbeddedPostgres(new URL('../.artifacts/bench', import.meta.url).pathname, 54331);
  const url = await ensureDatabase(server.url, name);
  await migrateDatabase(url, SUBGRAPHS);
  const database = connect(url, options);
  return {
    database,
    url,
    async stop() {
      await database.close();
      await server.stop();
    },
  };
}

/** The demo shop at `scale` in its own bench database (default `shop_bench_<scale>`), seeded on first use. */
export async function openDemoBenchDatabase(scale: number, options: { max: number; name?: string }) {
  const { isEmpty, seedDemo, truncateAll } = await import('@shop/gateway/seed/index');
  const opened = await openBenchDatabase(options.name ?? `shop_bench_${scale}`, options);
  if (await isEmpty(opened.database.db)) {
    await truncateAll(opened.database.db);
    console.log(`seeding scale ${scale}...`);
    await seedDemo(opened.database.db, { scale });
  }
  return opened;
}
