// Storefront traffic for reports: each accepted batch of events becomes one reports.recordTraffic job.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { shopToday } from '@shop/kit/shop-time';
import type { CheckedEvent } from './checks.js';

export const RECORD_TRAFFIC_TASK = 'reports.recordTraffic';

/** Events that showed the shopper a page (a product, search results); adding to cart is an action on one. */
const PAGE_TYPES = new Set<CheckedEvent['type']>(['PRODUCT_VIEW', 'SEARCH']);

/**
 * Queues the traffic of one batch for reports in the caller's transaction:
 * page views per shop day × source × campaign × visitor, the visitor being a
 * hash of the member id (signed in) or the device id, so reports count
 * visitors and sessions (visitor-days) exactly without holding either id.
 * The batch id makes a retried job write the same rows again.
 */
export async function enqueueTraffic(tx: Db, memberId: string | null, deviceId: string, events: readonly CheckedEvent[]) {
  const visitorHash = createHash('sha256').update(memberId ? `member:${memberId}` : `device:${deviceId}`).digest('base64url');
  const rows = new Map<string, { day: string; source: string; campaign: string; visitorHash: string; pageViews: number }>();
  for (const event of events) {
    const row = { day: shopToday(event.occurredAt), source: event.source ?? '', campaign: event.campaign ?? '', visitorHash, pageViews: 0 };
    const key = JSON.stringify([row.day, row.source, row.campaign]);
    const known = rows.get(key) ?? row;
    known.pageViews += PAGE_TYPES.has(event.type) ? 1 : 0;
    rows.set(key, known);
  }
  await enqueue(tx, RECORD_TRAFFIC_TASK, { batchId: randomUUID(), rows: [...rows.values()] });
}
