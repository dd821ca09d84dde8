// Demo data for reports: order facts of the demo orders and their roll-ups.
import { chunks, type Db } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { isCounted } from './facts/index.js';
import { rebuildRollups } from './rollups/index.js';
import { orderFact } from './tables.js';

/**
 * Writes one fact per demo order, as the reports.recordOrder task would have;
 * `tx` is the seed transaction.
 */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.orders)) {
    await tx.insert(orderFact).values(
      batch.map((o) => ({
        orderId: o.id, placedAt: o.createdAt, day: shopToday(o.createdAt), channel: o.channel, status: o.status,
        counted: isCounted(o.status), totalMinor: o.totalMinor, currencyCode: plan.currencyCode,
        sourceUpdatedAt: o.createdAt, createdAt: o.createdAt, updatedAt: o.createdAt,
      })),
    );
  }
  await rebuildRollups(tx);
}
