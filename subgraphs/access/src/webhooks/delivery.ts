// Fan-out and delivery: each business event becomes one delivery per matching active subscription, and each
// delivery is POSTed signed, retried with exponential backoff on failure, and ends DELIVERED or DEAD.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fail, isId, ok, type Db, type Principal } from '@shop/kit';
import { DOMAIN_EVENT_TYPES, type DomainEvent } from '@shop/kit/domain-events';
import { enqueue } from '@shop/kit/jobs';
import type { AccessResult } from '../service.js';
import { apiKey } from '../tables.js';
import { ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './signature.js';
import { openSubscriptionSecret, visibleTo } from './service.js';
import { webhookAttempt, webhookDelivery, webhookSubscription, type AttemptError, type WebhookDeliveryRow } from './tables.js';

export const FAN_OUT_TASK = 'access.webhookFanOut';
export const DELIVER_TASK = 'access.webhookDeliver';

/** Attempts in one series before a delivery is DEAD; a redelivery from the console grants another series. */
export const MAX_ATTEMPTS = 8;
/** The wait after failed attempt n (1-based): 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 24 h; jittered by ±20 %. */
export const BACKOFF_SECONDS = [30, 120, 600, 3_600, 21_600, 43_200, 86_400] as const;
/** A partner that has not answered by then has failed this attempt; the worker slot is free again. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Of a response body, only this many characters are kept (a hint for the operator, not a copy of the partner's data). */
export const SNIPPET_LENGTH = 200;

const deliverJobKey = (deliveryId: string) => `${DELIVER_TASK}:${deliveryId}`;

/** Seconds to wait after failed attempt `n`, with ±20 % jitter so a partner's recovery is not met by a thundering herd. */
export function backoffSeconds(n: number, random = Math.random()): number {
  const base = BACKOFF_SECONDS[Math.min(n, BACKOFF_SECONDS.length) - 1]!;
  return Math.round(base * (0.8 + 0.4 * random));
}

const EventSchema = z.object({
  id: z.string().refine(isId),
  type: z.enum(DOMAIN_EVENT_TYPES),
  occurredAt: z.string(),
  subject: z.object({ orderId: z.string(), orderNumber: z.string(), memberId: z.string().nullable() }),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/**
 * The body partners receive. Built field by field (zod drops unknown keys): only the event's id, type, time,
 * subject ids and its data of ids, codes and amounts leave the shop, whatever a publisher adds later.
 */
export function webhookBody(event: DomainEvent): string {
  const { id, type, occurredAt, subject, data } = EventSchema.parse(event);
  return JSON.stringify({ id, type, occurredAt, subject: { orderId: subject.orderId, orderNumber: subject.orderNumber, memberId: subject.memberId }, data });
}

/**
 * The `access.webhookFanOut` task: one delivery per active subscription to the event's type, and its job, in
 * one transaction. A subscription of a revoked or expired key gets nothing: the partner's access has ended.
 * Idempotent by event id: a second run finds the deliveries there and queues nothing.
 */
export async function fanOutEvent(db: Db, payload: unknown): Promise<number> {
  const event = EventSchema.parse(payload) as DomainEvent;
  const body = webhookBody(event);
  return db.transaction(async (tx) => {
    const subscriptions = await tx
      .select({ id: webhookSubscription.id, apiKeyId: webhookSubscription.apiKeyId })
      .from(webhookSubscription)
      .leftJoin(apiKey, eq(apiKey.id, webhookSubscription.apiKeyId))
      .where(
        and(
          eq(webhookSubscription.active, true),
          isNull(webhookSubscription.deletedAt),
          sql`${event.type} = any(${webhookSubscription.eventTypes})`,
          or(isNull(webhookSubscription.apiKeyId), and(isNull(apiKey.revokedAt), or(isNull(apiKey.expiresAt), gt(apiKey.expiresAt, sql`now()`)))),
        ),
      );
    if (!subscriptions.length) return 0;
    const created = await tx
      .insert(webhookDelivery)
      .values(subscriptions.map((s) => ({ subscriptionId: s.id, apiKeyId: s.apiKeyId, eventId: event.id, eventType: event.type, body, attemptLimit: MAX_ATTEMPTS })))
      .onConflictDoNothing()
      .returning({ id: webhookDelivery.id });
    for (const { id } of created) await enqueue(tx, DELIVER_TASK, { deliveryId: id }, { jobKey: deliverJobKey(id) });
    return created.length;
  });
}

interface AttemptOutcome {
  statusCode: number | null;
  errorCode: AttemptError | null;
  snippet: string | null;
  durationMs: number;
}

/** The first characters of a response body, without reading the rest of a large one. */
async function snippetOf(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < SNIPPET_LENGTH) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text ? text.slice(0, SNIPPET_LENGTH) : null;
}

/** One signed POST. Redirects are not followed: a 3xx is a failed attempt, so a URL cannot bounce the shop elsewhere. */
async function post(url: string, secret: string, eventId: string, body: string): Promise<AttemptOutcome> {
  const started = performance.now();
  const timestamp = Math.floor(Date.now() / 1000);
  const done = (statusCode: number | null, errorCode: AttemptError | null, snippet: string | null): AttemptOutcome => ({
    statusCode,
    errorCode,
    snippet,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'shop-webhooks/1',
        [ID_HEADER]: eventId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
      },
      body,
    });
    const snippet = await snippetOf(response).catch(() => null);
    if (response.status >= 200 && response.status < 300) return done(response.status, null, snippet);
    return done(response.status, response.status >= 300 && response.status < 400 ? 'REDIRECT' : 'HTTP_STATUS', snippet);
  } catch (error) {
    const name = (error as { name?: string }).name;
    return done(null, name === 'TimeoutError' || name === 'AbortError' ? 'TIMEOUT' : 'CONNECTION_FAILED', null);
  }
}

/**
 * The `access.webhookDeliver` task: one attempt of one delivery, recorded; on failure the next attempt is a new
 * job at its backoff time (graphile-worker run_at), so no worker slot waits. The attempt is recorded only if no
 * other attempt of the same delivery was recorded meanwhile (the attempt count is the optimistic check).
 */
export async function deliverOnce(db: Db, payload: unknown): Promise<void> {
  const deliveryId = (payload as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof deliveryId !== 'string' || !isId(deliveryId)) return;
  const [found] = await db
    .select({ delivery: webhookDelivery, subscription: webhookSubscription })
    .from(webhookDelivery)
    .innerJoin(webhookSubscription, eq(webhookSubscription.id, webhookDelivery.subscriptionId))
    .where(eq(webhookDelivery.id, deliveryId));
  if (!found || found.delivery.status === 'DELIVERED' || found.delivery.status === 'DEAD') return;
  const { delivery, subscription } = found;
  const usable = subscription.active && !subscription.deletedAt;
  const outcome: AttemptOutcome = usable
    ? await post(subscription.url, openSubscriptionSecret(subscription), delivery.eventId, delivery.body)
    : { statusCode: null, errorCode: 'SUBSCRIPTION_INACTIVE', snippet: null, durationMs: 0 };
  await recordAttempt(db, delivery, outcome, usable);
}

async function recordAttempt(db: Db, delivery: WebhookDeliveryRow, outcome: AttemptOutcome, usable: boolean): Promise<void> {
  const number = delivery.attemptCount + 1;
  const delivered = outcome.errorCode === null;
  // An inactive subscription ends the delivery at once: retrying cannot help, and redelivery can restart it.
  const dead = !delivered && (!usable || number >= delivery.attemptLimit);
  const now = new Date();
  const nextAttemptAt = delivered || dead ? null : new Date(now.getTime() + backoffSeconds(number) * 1000);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookDelivery)
      .set({
        status: delivered ? 'DELIVERED' : dead ? 'DEAD' : 'RETRYING',
        attemptCount: number,
        nextAttemptAt,
        deliveredAt: delivered ? now : null,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.errorCode,
        updatedAt: now,
      })
      .where(and(eq(webhookDelivery.id, delivery.id), eq(webhookDelivery.attemptCount, delivery.attemptCount)))
      .returning({ id: webhookDelivery.id });
    if (!updated) return;
    if (usable) {
      await tx.insert(webhookAttempt).values({
        deliveryId: delivery.id,
        number,
        startedAt: new Date(now.getTime() - outcome.durationMs),
        durationMs: outcome.durationMs,
        statusCode: outcome.statusCode,
        errorCode: outcome.errorCode,
        responseSnippet: outcome.snippet,
      });
    }
    if (nextAttemptAt) await enqueue(tx, DELIVER_TASK, { deliveryId: delivery.id }, { jobKey: deliverJobKey(delivery.id), runAt: nextAttemptAt });
  });
}

/**
 * Sends a delivery again now, whatever its status, with a fresh series of attempts (a DEAD one after the partner
 * fixed their endpoint; a DELIVERED one the partner lost). The partner deduplicates by event id as documented.
 */
export async function webhookDeliveryRedeliver(tx: Db, actor: Principal, input: { id: string }): Promise<AccessResult<WebhookDeliveryRow>> {
  const [row] = isId(input.id)
    ? await tx
        .update(webhookDelivery)
        .set({
          status: 'PENDING',
          attemptLimit: sql`${webhookDelivery.attemptCount} + ${MAX_ATTEMPTS}`,
          nextAttemptAt: new Date(),
          deliveredAt: null,
          updatedAt: new Date(),
        })
        .where(and(eq(webhookDelivery.id, input.id), visibleTo(actor, webhookDelivery.apiKeyId)))
        .returning()
    : [];
  if (!row) return fail('NOT_FOUND', 'No webhook delivery has this id.', ['input', 'id']);
  await enqueue(tx, DELIVER_TASK, { deliveryId: row.id }, { jobKey: deliverJobKey(row.id) });
  return ok(row);
}
