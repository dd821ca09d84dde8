// Partner webhooks: subscriptions, one delivery per (subscription, event) and its attempts (drizzle.config.ts lists this file).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { access, apiKey } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const DELIVERY_STATUSES = ['PENDING', 'RETRYING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why an attempt failed, as a short code: response bodies are the partner's, kept only as a short snippet. */
export const ATTEMPT_ERRORS = ['TIMEOUT', 'CONNECTION_FAILED', 'HTTP_STATUS', 'REDIRECT', 'SUBSCRIPTION_INACTIVE'] as const;
export type AttemptError = (typeof ATTEMPT_ERRORS)[number];

/**
 * A partner's subscription to event types. Signing needs the secret in clear, so it is kept sealed
 * (AES-256-GCM, kit/secrets.ts) rather than hashed. A deleted subscription keeps its row (soft delete) so the
 * delivery log still names it.
 */
export const webhookSubscription = access.table(
  'webhook_subscription',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The key that made it (a key sees only its own); null when staff made it.
    apiKeyId: uuid('api_key_id').references(() => apiKey.id),
    url: text('url').notNull(),
    description: text('description'),
    eventTypes: text('event_types').array().notNull(),
    active: boolean('active').notNull().default(true),
    sealedSecret: text('sealed_secret').notNull(),
    deletedAt: at('deleted_at'),
    ...timestamps,
  },
  (t) => [
    index('webhook_subscription_created_idx').on(t.createdAt, t.id),
    index('webhook_subscription_key_idx').on(t.apiKeyId),
  ],
);

/**
 * One event for one subscription. Unique per (subscription, event): a fan-out job that runs twice adds nothing.
 * `body` holds ids and codes only. `attemptLimit` grows by a full series on redelivery.
 */
export const webhookDelivery = access.table(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscription.id),
    // Denormalised from the subscription so a key's row rule filters deliveries without a join.
    apiKeyId: uuid('api_key_id'),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    // The exact body posted, as text so every attempt sends the same bytes in the same key order.
    body: text('body').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('PENDING'),
    attemptCount: integer('attempt_count').notNull().default(0),
    attemptLimit: integer('attempt_limit').notNull(),
    nextAttemptAt: at('next_attempt_at'),
    deliveredAt: at('delivered_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error', { enum: ATTEMPT_ERRORS }),
    ...timestamps,
  },
  (t) => [
    unique('webhook_delivery_once').on(t.subscriptionId, t.eventId),
    index('webhook_delivery_created_idx').on(t.createdAt, t.id),
    index('webhook_delivery_key_idx').on(t.apiKeyId, t.createdAt),
    check('webhook_delivery_status', sql`${t.status} in ('PENDING', 'RETRYING', 'DELIVERED', 'DEAD')`),
  ],
);

/** One POST of a delivery: what came back, how long it took, never more than a short snippet of the body. */
export const webhookAttempt = access.table(
  'webhook_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDelivery.id),
    number: integer('number').notNull(),
    startedAt: at('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    errorCode: text('error_code', { enum: ATTEMPT_ERRORS }),
    responseSnippet: text('response_snippet'),
    ...timestamps,
  },
  (t) => [unique('webhook_attempt_number').on(t.deliveryId, t.number)],
);

export type WebhookSubscriptionRow = typeof webhookSubscription.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDelivery.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempt.$inferSelect;
