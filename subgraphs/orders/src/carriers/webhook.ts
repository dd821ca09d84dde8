// POST /webhooks/carriers/sandbox: tracking events from the sandbox carrier.
import { z } from 'zod';
import { fail, ok, type Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { systemActor } from '../history/index.js';
import { verifySignature, type WebhookAnswer } from '../payments/webhook.js';
import { applyTrackingEvent, shipmentsByTracking } from '../shipments/service.js';
import { shipmentStatus } from '../shipments/tables.js';
import type { CarrierWireEvent } from './sandbox.js';

const WireEventSchema = z.object({
  id: z.string().min(1).max(200),
  created: z.number().int(),
  data: z.object({
    trackingNumber: z.string().min(1).max(100),
    status: z.enum(shipmentStatus.enumValues),
    occurredAt: z.iso.datetime(),
    location: z.string().max(200).nullable(),
  }),
}) satisfies z.ZodType<CarrierWireEvent>;

const refuse = (status: number, error: string): WebhookAnswer => ({ status, body: { error } });

/**
 * Authenticity from the HMAC over timestamp and raw body, freshness from the
 * timestamp, once-only from the event id (tracking_event's external id, per
 * carrier and shipment, in the same transaction as its effect). The event
 * names a waybill: every shipment in that parcel gets it. An event already
 * recorded answers 409 and changes nothing.
 */
export async function receiveSandboxCarrierWebhook(
  db: Db,
  signature: string | undefined,
  body: string,
  now = Math.floor(Date.now() / 1000),
): Promise<WebhookAnswer> {
  const refused = verifySignature(signature, body, now);
  if (refused) return refused;
  let event: CarrierWireEvent;
  try {
    const parsed = WireEventSchema.safeParse(JSON.parse(body));
    if (!parsed.success) return refuse(400, `not a carrier event: ${parsed.error.issues[0]?.message}`);
    event = parsed.data;
  } catch {
    return refuse(400, 'body is not JSON');
  }
  const result = await mutate(db, async (tx) => {
    const shipments = await shipmentsByTracking(tx, 'SANDBOX', event.data.trackingNumber);
    if (!shipments.length) return fail('NOT_FOUND', `no shipment with waybill ${event.data.trackingNumber}`);
    let fresh = false;
    for (const row of shipments) {
      const applied = await applyTrackingEvent(tx, systemActor('Sandbox carrier'), {
        shipmentId: row.id,
        status: event.data.status,
        occurredAt: new Date(event.data.occurredAt),
        location: event.data.location,
        externalId: event.id,
        source: 'CARRIER',
      });
      if (!applied.ok) return applied;
      fresh ||= !applied.value.duplicate;
    }
    return fresh ? ok(shipments.length) : fail('REPLAYED', `event ${event.id} was already received`);
  });
  if (!result.ok) {
    const [error] = result.errors;
    return refuse(error!.code === 'REPLAYED' ? 409 : 422, error!.message);
  }
  return { status: 200, body: { received: event.id, shipments: result.value } };
}
