import { sql } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { seed as access } from '@shop/access/seed';
import { seed as coupons } from '@shop/coupons/seed';
import { seed as members } from '@shop/members/seed';
import { seed as orders } from '@shop/orders/seed';
import { seed as products } from '@shop/products/seed';
import { seed as reports } from '@shop/reports/seed';
import { seed as stock } from '@shop/stock/seed';
import { DOMAIN_NAMES, type DomainName } from '../domains.js';
import { demoPlan } from './plan.js';

const SEEDERS: Record<DomainName, (tx: Db, plan: DemoPlan) => Promise<void>> = {
  access, products, stock, members, orders, coupons, reports,
};

/** Whether the database holds no shop data yet (the first start seeds it). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute<{ any: boolean }>(sql`select exists(select 1 from products.product) as any`);
  return !rows[0]!.any;
}

/** Empties every domain's tables (the seed CLI's --reset) except the append-only audit log. */
export async function truncateAll(db: Db): Promise<void> {
  const tables = await db.execute<{ name: string }>(sql`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname = any(${sql.param([...DOMAIN_NAMES])}::text[])
      and tablename not in ('__drizzle_migrations', 'audit_log')`);
  if (tables.length) await db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(', ')} cascade`));
}

/** Writes the demo shop in one transaction, each domain through its own seed module. */
export async function seedDemo(db: Db, options: { scale?: number } = {}): Promise<DemoPlan> {
  const started = Date.now();
  const plan = demoPlan({ scale: options.scale });
  await db.transaction(async (tx) => {
    for (const name of DOMAIN_NAMES) await SEEDERS[name](tx, plan);
  });
  // Fresh planner statistics: autovacuum analyses bulk-loaded tables only later, and until
  // then a batch lookup (`order_id = any($1)`) is planned as a scan of the whole table.
  await db.execute(sql`analyze`);
  log.info(
    { products: plan.products.length, members: plan.members.length, orders: plan.orders.length, ms: Date.now() - started },
    'demo data seeded',
  );
  return plan;
}
