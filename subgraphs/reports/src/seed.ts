// Demo data for reports: order facts of the demo orders, their roll-ups and the default anomaly rules.
import { chunks, type Db } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { anomalyRule } from './anomalies/tables.js';
import { isCounted } from './facts/index.js';
import { rebuildRollups } from './rollups/index.js';
import { orderFact } from './tables.js';

/**
 * The rules a new shop starts with: sales or conversion falling well below the usual for the weekday, refunds rising
 * above it. Floors: 1,000.00 in a two-decimal currency, two orders, half a percentage point of conversion.
 */
export const DEFAULT_ANOMALY_RULES = [
  { metric: 'GMV', direction: 'DROP', minSpread: 100_000 },
  { metric: 'ORDERS', direction: 'DROP', minSpread: 2 },
  { metric: 'REFUNDS', direction: 'SPIKE', minSpread: 100_000 },
  { metric: 'CONVERSION_RATE', direction: 'DROP', minSpread: 0.005 },
];

/**
 * Writes the default anomaly rules and one fact per demo order, as the reports.recordOrder task would have;
 * `tx` is the seed transaction.
 */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  await tx.insert(anomalyRule).values(DEFAULT_ANOMALY_RULES.map((rule) => ({ ...rule, currencyCode: plan.currencyCode }))).onConflictDoNothing();
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
