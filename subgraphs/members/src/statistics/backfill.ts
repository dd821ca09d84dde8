// Asking orders for the facts members lack: orders placed before members kept order facts.
import { enqueue } from '@shop/kit/jobs';
import type { Db } from '@shop/kit';
import { memberOrder } from './tables.js';

/** orders' backfill task, asked for by name: members never import orders (shared-specs §1). */
const PUBLISH_ORDER_FACTS_TASK = 'orders.publishOrderFacts';

/**
 * The members subgraph's afterMigrate hook: while members hold no order fact
 * at all (a database from before order facts, or a new one), queue orders'
 * backfill, which sends every order's fact. An empty shop makes it a no-op; the
 * jobKey keeps one pending, also with the demo seed's own request.
 */
export async function requestOrderFactsBackfill(db: Db): Promise<void> {
  const [held] = await db.select({ orderId: memberOrder.orderId }).from(memberOrder).limit(1);
  if (!held) await enqueue(db, PUBLISH_ORDER_FACTS_TASK, {}, { jobKey: 'publishOrderFacts' });
}
