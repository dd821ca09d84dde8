import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { sql } from 'drizzle-orm';
import type { Db } from './db.js';
import type { SubgraphModule } from './subgraph.js';

/**
 * Applies each domain's committed migrations with the domain's own ledger
 * (<domain>.__drizzle_migrations). An advisory lock lets several processes
 * start at once without racing.
 */
export async function migrateDomains(db: Db, modules: SubgraphModule[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7351001)`);
    await tx.execute(sql`create extension if not exists pg_trgm`);
    for (const module of modules) {
      await migrate(tx as never, {
        migrationsFolder: module.migrationsFolder,
        migrationsSchema: module.name,
        migrationsTable: '__drizzle_migrations',
      });
    }
  });
}
