import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { connect } from './db.js';
import { migrateJobs } from './jobs.js';
import type { SubgraphModule } from './subgraph.js';

const MIGRATION_LOCK = 7351001;
const KIT_MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies the kit's migrations (kit.__drizzle_migrations: shop-wide state such as the
 * shop settings), then each domain's committed migrations with the domain's own ledger
 * (<domain>.__drizzle_migrations), then graphile-worker's schema, then
 * each domain's afterMigrate hook (which may queue jobs). One
 * connection holds a session advisory lock so that several processes may
 * start at once. drizzle's migrator opens its own transaction per domain,
 * so it cannot run inside ours.
 */
export async function migrateDatabase(url: string, modules: SubgraphModule[]): Promise<void> {
  const { db, close } = connect(url, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await db.execute(sql`create extension if not exists pg_trgm`);
    await migrate(db, { migrationsFolder: KIT_MIGRATIONS, migrationsSchema: 'kit', migrationsTable: '__drizzle_migrations' });
    for (const module of modules) {
      await migrate(db, {
        migrationsFolder: module.migrationsFolder,
        migrationsSchema: module.name,
        migrationsTable: '__drizzle_migrations',
      });
    }
    await migrateJobs(url);
    for (const module of modules) await module.afterMigrate?.(db);
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await close();
  }
}
