// Business events (an order shipped, a return approved) fan out to consumers that may lag: partner webhooks and
// customer notifications. Publishing is a job per consumer in the business write's own transaction (transactional
// outbox), so an event is never lost or sent for a write that rolled back, and it works alike in-process and
// distributed: the one worker runs every domain's tasks.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';

import type { Db } from './db.js';

/** Every event type a partner may subscribe to; adding one here is adding it to the public contract. */
export const DOMAIN_EVENT_TYPES = [
  'order.created',
  'order.status_changed',
  'shipment.created',
  'shipment.tracking_updated',
  'shipment.delivered',
  'delivery_exception.opened',
  'delivery_exception.resolved',
  'after_sales.requested',
  'after_sales.status_changed',
  'after_sales.refunded',
] as const;

export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/**
 * One business event. `data` carries ids, codes, statuses and amounts only — never contact data, notes or costs —
 * because it leaves the shop (partners) and sits in the job queue; consumers read anything else themselves.
 */
export interface DomainEvent {
  /** Unique per event: consumers deduplicate on it, partners see it as the delivery's event id. */
  id: string;
  type: DomainEventType;
  /** ISO 8601. */
  occurredAt: string;
  /** The order (and member, when the order has one) the event is about. */
  subject: { orderId: string; orderNumber: string; memberId: string | null };
  data: Record<string, string | number | boolean | null>;
}

/** The tasks that receive every event, each in its own job (one consumer failing retries only itself). */
export const DOMAIN_EVENT_CONSUMERS = ['access.webhookFanOut', 'members.notifyOnEvent'] as const;

/**
 * Publishes an event inside the caller's transaction, as one job per consumer queued by one statement (checkout
 * publishes on its hot path); returns the event (with its id) for the caller's records.
 */
export async function publishEvent(tx: Db, event: Omit<DomainEvent, 'id' | 'occurredAt'> & { occurredAt?: Date }): Promise<DomainEvent> {
  const published: DomainEvent = { ...event, id: randomUUID(), occurredAt: (event.occurredAt ?? new Date()).toISOString() };
  const specs = DOMAIN_EVENT_CONSUMERS.map((task) => ({ identifier: task, payload: published, job_key: `${task}:${published.id}` }));
  await tx.execute(
    sql`select graphile_worker.add_jobs(array(select json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(specs)}::json)))`,
  );
  return published;
}
