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
