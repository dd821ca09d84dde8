import { resolve } from 'node:path';
import { connect, log, type Database } from '@shop/kit';
import { ensureDatabase, startEmbeddedPostgres } from '@shop/kit/embedded-postgres';
import { migrateDatabase } from '@shop/kit/migrate';
import { SUBGRAPHS } from './subgraphs.js';

export interface RunningDatabase extends Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR
 * (database `shop`). Either way the schema is migrated before this returns.
 */
export async function openDatabase(options: { max?: number } = {}): Promise<RunningDatabase> {
  let url: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    url = process.env.DATABASE_URL;
  } else {
    const dataDir = process.env.DATA_DIR ?? DEFAULT_DATA_DIR;
    const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PG_PORT);
    const server = await startEmbeddedPostgres(resolve(dataDir), port);
    stopServer = server.stop;
    url = await ensureDatabase(server.url, 'shop').catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    log.info({ port, dataDir }, 'embedded PostgreSQL running');
  }
  try {
    await migrateDatabase(url, SUBGRAPHS);
  } catch (error) {
    await stopServer();
    throw error;
  }
  const database = connect(url, options);
  return {
    ...database,
    url,
    embedded: !process.env.DATABASE_URL,
    stop: async () => {
      await database.close();
      await stopServer();
    },
  };
}
