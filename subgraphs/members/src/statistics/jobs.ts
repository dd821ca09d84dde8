// Background tasks of purchase statistics: one order's fact (as orders queues it on every change), or a batch (the backfill).
import { z } from 'zod';
import type { Db } from '@shop/kit';
import { orderFactPayload, recordOrderFacts } from './service.js';

export const ORDER_FACT_TASK = 'members.orderFact';
export const ORDER_FACTS_TASK = 'members.orderFacts';

/** Facts per batch job at most (orders' backfill sends 500). */
const MAX_BATCH = 1000;

/** members.orderFact: one order's fact, payload as shared-specs §3 gives it. */
export async function orderFactTask(payload: unknown, db: Db): Promise<void> {
  await recordOrderFacts(db, [orderFactPayload.parse(payload)]);
}

/** members.orderFacts: `{ facts: [...] }`, many orders' facts in one transaction (orders.publishOrderFacts). */
export async function orderFactsTask(payload: unknown, db: Db): Promise<void> {
  const { facts } = z.object({ facts: z.array(orderFactPayload).max(MAX_BATCH) }).parse(payload);
  await recordOrderFacts(db, facts);
}
