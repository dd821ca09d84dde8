import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fail, isId, ok, type Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { lockOrder, systemActor } from '../history/index.js';
import { sandboxSignature, type WireEvent } from './providers/sandbox.js';
import { applyProviderEvent } from './service.js';
import { webhookEvent } from './tables.js';

/** Older (or further ahead) than this, a signed event is refused as a possible replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

const WireEventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(['payment.authorized', 'payment.captured', 'payment.refunded', 'payment.voided']),
  created: z.number().int(),
  data: z.object({
    orderId: z.string().refine(isId, 'not an order id'),
    paymentReference: z.string().min(1).max(200),
    transactionReference: z.string().min(1).max(200),
    amountMinor: z.string().regex(/^\d{1,18}$/),
    currencyCode: z.string().length(3),
    card: z.object({ brand: z.string().max(20), last4: z.string().regex(/^\d{4}$/) }).nullish(),
  }),
}) satisfies z.ZodType<WireEvent>;

const refuse = (status: number, error: string): WebhookAnswer => ({ status, body: { error } });

/**
 * Checks `t=<unix>,v1=<hex>` against the raw body; the comparison takes the same time whatever matches.
 * Every sandbox partner (card gateway, carrier) signs this way with the sandbox secret.
 */
export function verifySignature(header: string | undefined, body: string, now: number): WebhookAnswer | null {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!header || !Number.isInteger(timestamp) || !parts.v1) return refuse(401, 'missing or malformed signature');
  const expected = Buffer.from(sandboxSignature(body, timestamp).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(401, 'signature does not match');
  if (Math.abs(now - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return refuse(401, 'signature timestamp outside the 5-minute window');
  return null;
}

/**
 * POST /webhooks/payments/sandbox: authenticity from the HMAC over timestamp
 * and raw body, freshness from the timestamp, once-only from the event id
 * (kept in payment_webhook_event in the same transaction as its effect). A
 * movement we already recorded through the API answer is accepted and changes nothing.
 */
export async function receiveSandboxWebhook(db: Db, signature: string | undefined, body: string, now = Math.floor(Date.now() / 1000)): Promise<WebhookAnswer> {
  const refused = verifySignature(signature, body, now);
  if (refused) return refused;
  let parsed: WireEvent;
  try {
    const result = WireEventSchema.safeParse(JSON.parse(body));
    if (!result.success) return refuse(400, `not a sandbox event: ${result.error.issues[0]?.message}`);
    parsed = result.data;
  } catch {
    return refuse(400, 'body is not JSON');
  }
  const event = parsed;
  // One transaction for the event id and its effect: a refused event leaves no trace and may come again.
  const result = await mutate(db, async (tx) => {
    const [fresh] = await tx
      .insert(webhookEvent)
      .values({ provider: 'SANDBOX', eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning();
    if (!fresh) return fail('REPLAYED', `event ${event.id} was already received`);
    const order = await lockOrder(tx, event.data.orderId);
    if (!order) return fail('NOT_FOUND', `no order ${event.data.orderId}`);
    const applied = await applyProviderEvent(
      tx,
      order,
      {
        type: event.type,
        provider: 'SANDBOX',
        orderId: order.id,
        paymentReference: event.data.paymentReference,
        transactionReference: event.data.transactionReference,
        amountMinor: BigInt(event.data.amountMinor),
        currencyCode: event.data.currencyCode,
        card: event.data.card ?? null,
      },
      { actor: systemActor('Sandbox gateway') },
    );
    return applied.ok ? ok(applied.value.duplicate) : applied;
  });
  if (!result.ok) {
    const [error] = result.errors;
    return refuse(error!.code === 'REPLAYED' ? 409 : 422, error!.message);
  }
  return { status: 200, body: { received: event.id, duplicate: result.value } };
}
