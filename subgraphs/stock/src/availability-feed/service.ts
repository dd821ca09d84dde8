// The availability feed: a task that keeps products' in-stock flags in step with stock levels.
import { sql } from 'drizzle-orm';
import { withTx, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { setStockStatus } from '@shop/products/commands';

/**
 * Feeds the catalog's in-stock flags (products keeps its own copy: a domain
 * reads only its own schema). The ledger enqueues one job per variant it
 * moved; the job key collapses a burst of movements into one pending job.
 */
export const AVAILABILITY_FEED = 'stock.availabilityFeed';

/** In the movement's transaction: the job exists exactly when the movement commits. */
export async function enqueueAvailability(tx: Db, variantIds: readonly string[]): Promise<void> {
  for (const variantId of new Set(variantIds)) {
    await enqueue(tx, AVAILABILITY_FEED, { variantId }, { jobKey: `availability:${variantId}` });
  }
}

/** Sums available over active warehouses now (not at enqueue time) and hands it to products; idempotent. */
export async function availabilityFeed(payload: unknown, db: Db): Promise<void> {
  const { variantId } = payload as { variantId: string };
  await withTx(db, async (tx) => {
    const [row] = await tx.execute<{ available: number }>(sql`
      select coalesce(sum(l.on_hand - l.reserved), 0)::int as available
      from stock.level l join stock.warehouse w on w.id = l.warehouse_id
      where l.variant_id = ${variantId} and w.active`);
    await setStockStatus(tx, [{ variantId, available: row?.available ?? 0 }]);
  });
}
