// Partner webhooks: subscriptions (create, change, delete, rotate the secret) and the lists, each confined to
// what the caller may see: a partner key its own subscriptions and their deliveries, staff all of them.
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  anyId,
  connectionOf,
  fail,
  isId,
  ok,
  userError,
  type ConnectionArgs,
  type Db,
  type Principal,
} from '@shop/kit';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '@shop/kit/domain-events';
import { localSecret, newToken, openSecret, sealSecret, TOKEN_PREFIX } from '@shop/kit/secrets';
import type { AccessError, AccessResult } from '../service.js';
import { webhookUrlProblem } from './url-rule.js';
import {
  webhookAttempt,
  webhookDelivery,
  webhookSubscription,
  type DeliveryStatus,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRow,
} from './tables.js';

/** Every column but the sealed secret, which never leaves the service. */
const subscriptionColumns = {
  id: webhookSubscription.id,
  apiKeyId: webhookSubscription.apiKeyId,
  url: webhookSubscription.url,
  description: webhookSubscription.description,
  eventTypes: webhookSubscription.eventTypes,
  active: webhookSubscription.active,
  deletedAt: webhookSubscription.deletedAt,
  createdAt: webhookSubscription.createdAt,
  updatedAt: webhookSubscription.updatedAt,
};
export type WebhookSubscription = Omit<WebhookSubscriptionRow, 'sealedSecret'>;

/** The key the signing secrets are sealed under: WEBHOOK_SEALING_KEY, or one kept in DATA_DIR. */
export const sealingKey = () => localSecret('WEBHOOK_SEALING_KEY', 'webhook-sealing-key');

export const openSubscriptionSecret = (row: Pick<WebhookSubscriptionRow, 'sealedSecret'>) => openSecret(row.sealedSecret, sealingKey());

/**
 * The rows a caller may see: a partner key only what it subscribed itself, staff everything (the gateway has
 * checked webhooks:manage), anyone else nothing.
 */
export function visibleTo(actor: Principal, apiKeyColumn: AnyPgColumn): SQL | undefined {
  switch (actor.kind) {
    case 'staff':
      return undefined;
    case 'partner':
      return eq(apiKeyColumn, actor.apiKeyId);
    case 'customer':
    case 'anonymous':
      return sql`false`;
  }
}

const MAX_DESCRIPTION = 200;

function checkInput(input: { url?: string | null; eventTypes?: readonly string[] | null; description?: string | null }): AccessError[] {
  const errors: AccessError[] = [];
  if (input.url != null) {
    const problem = webhookUrlProblem(input.url.trim());
    if (problem) errors.push(userError('URL_NOT_ALLOWED', problem, ['input', 'url']));
  }
  if (input.eventTypes != null) {
    if (input.eventTypes.length === 0) errors.push(userError('INVALID', 'Choose at least one event type.', ['input', 'eventTypes']));
    input.eventTypes.forEach((type, index) => {
      if (!(DOMAIN_EVENT_TYPES as readonly string[]).includes(type)) {
        errors.push(userError('INVALID', `"${type}" is not an event type.`, ['input', 'eventTypes', String(index)]));
      }
    });
  }
  if (input.description != null && [...input.description].length > MAX_DESCRIPTION) {
    errors.push(userError('INVALID', `description must be at most ${MAX_DESCRIPTION} characters.`, ['input', 'description']));
  }
  return errors;
}

/** A new signing secret and its sealed form. */
function newSecret() {
  const secret = newToken(TOKEN_PREFIX.webhookSecret);
  return { secret, sealedSecret: sealSecret(secret, sealingKey()) };
}

/**
 * Subscribes a URL to event types. The signing secret is in the result this once; the database keeps it sealed.
 * A partner key's subscription belongs to that key. `tx` may be the pool (one insert).
 */
export async function webhookSubscriptionCreate(
  tx: Db,
  actor: Principal,
  input: { url: string; eventTypes: DomainEventType[]; description?: string | null },
): Promise<AccessResult<{ subscription: WebhookSubscription; secret: string }>> {
  const errors = checkInput(input);
  if (errors.length) return { ok: false, errors };
  const { secret, sealedSecret } = newSecret();
  const [row] = await tx
    .insert(webhookSubscription)
    .values({
      apiKeyId: actor.kind === 'partner' ? actor.apiKeyId : null,
      url: input.url.trim(),
      description: input.description?.trim() || null,
      eventTypes: [...new Set(input.eventTypes)].sort(),
      sealedSecret,
    })
    .returning(subscriptionColumns);
  return ok({ subscription: row!, secret });
}

const notFound = () => fail('NOT_FOUND' as const, 'No webhook subscription has this id.', ['input', 'id']);

/** The filter for one subscription the caller may change: visible to them and not deleted. */
function ownSubscription(actor: Principal, id: string): SQL | undefined {
  return and(eq(webhookSubscription.id, id), isNull(webhookSubscription.deletedAt), visibleTo(actor, webhookSubscription.apiKeyId));
}

/** Changes the URL, event types, description or whether it is active; omitted fields stay. */
export async function webhookSubscriptionUpdate(
  tx: Db,
  actor: Principal,
  input: { id: string; url?: string | null; eventTypes?: DomainEventType[] | null; description?: string | null; active?: boolean | null },
): Promise<AccessResult<WebhookSubscription>> {
  if (!isId(input.id)) return notFound();
  const errors = checkInput(input);
  if (errors.length) return { ok: false, errors };
  const [row] = await tx
    .update(webhookSubscription)
    .set({
      ...(input.url != null ? { url: input.url.trim() } : {}),
      ...(input.eventTypes != null ? { eventTypes: [...new Set(input.eventTypes)].sort() } : {}),
      ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
      ...(input.active != null ? { active: input.active } : {}),
      updatedAt: new Date(),
    })
    .where(ownSubscription(actor, input.id))
    .returning(subscriptionColumns);
  return row ? ok(row) : notFound();
}

/** Deletes a subscription: no new deliveries; its pending ones end as DEAD at their next attempt; the log stays. */
export async function webhookSubscriptionDelete(tx: Db, actor: Principal, input: { id: string }): Promise<AccessResult<{ deletedId: string }>> {
  if (!isId(input.id)) return notFound();
  const [row] = await tx
    .update(webhookSubscription)
    .set({ deletedAt: new Date(), active: false, updatedAt: new Date() })
    .where(ownSubscription(actor, input.id))
    .returning({ id: webhookSubscription.id });
  return row ? ok({ deletedId: row.id }) : notFound();
}

/** Replaces the signing secret at once (the next attempt signs with the new one); the new secret is shown this once. */
export async function webhookSubscriptionRotateSecret(
  tx: Db,
  actor: Principal,
  input: { id: string },
): Promise<AccessResult<{ subscription: WebhookSubscription; secret: string }>> {
  if (!isId(input.id)) return notFound();
  const { secret, sealedSecret } = newSecret();
  const [row] = await tx
    .update(webhookSubscription)
    .set({ sealedSecret, updatedAt: new Date() })
    .where(ownSubscription(actor, input.id))
    .returning(subscriptionColumns);
  return row ? ok({ subscription: row, secret }) : notFound();
}

/** One keyset page of the caller's subscriptions, newest first, deleted ones left out. */
export async function listWebhookSubscriptions(tx: Db, actor: Principal, args: ConnectionArgs) {
  const filter = and(isNull(webhookSubscription.deletedAt), visibleTo(actor, webhookSubscription.apiKeyId));
  return connectionOf(args, {
    sort: webhookSubscription.createdAt,
    id: webhookSubscription.id,
    descending: true,
    filter,
    rows: (page) => tx.select(subscriptionColumns).from(webhookSubscription).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(webhookSubscription).where(filter))[0]!.n,
  });
}

export interface DeliveryFilter {
  status?: DeliveryStatus | null;
  subscriptionId?: string | null;
  eventId?: string | null;
}

/** One keyset page of the caller's deliveries, newest first. */
export async function listWebhookDeliveries(tx: Db, actor: Principal, args: ConnectionArgs & { filter?: DeliveryFilter | null }) {
  const f = args.filter ?? {};
  const filter = and(
    visibleTo(actor, webhookDelivery.apiKeyId),
    f.status ? eq(webhookDelivery.status, f.status) : undefined,
    f.subscriptionId != null ? anyId(webhookDelivery.subscriptionId, [f.subscriptionId]) : undefined,
    f.eventId != null ? anyId(webhookDelivery.eventId, [f.eventId]) : undefined,
  );
  return connectionOf(args, {
    sort: webhookDelivery.createdAt,
    id: webhookDelivery.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(webhookDelivery).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row: WebhookDeliveryRow) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(webhookDelivery).where(filter))[0]!.n,
  });
}

/** Subscriptions by id, deleted ones included (a delivery names its subscription whatever became of it). */
export function subscriptionsByIds(tx: Db, ids: readonly string[]) {
  return tx.select(subscriptionColumns).from(webhookSubscription).where(anyId(webhookSubscription.id, ids));
}

/** Every attempt of some deliveries, newest first. */
export function attemptsByDeliveryIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(webhookAttempt).where(anyId(webhookAttempt.deliveryId, ids)).orderBy(desc(webhookAttempt.number));
}
