// The sandbox carrier's side: what it sends when a parcel moves, signed like a real carrier's webhook.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isId, ok, type Db, type Result } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { SANDBOX_SIGNATURE_HEADER, sandboxSignature } from '../payments/index.js';
import { shipment, type ShipmentRow, type ShipmentStatus } from '../shipments/tables.js';
import { carrier } from './tables.js';
import { shipmentFail } from '../errors/index.js';

export const SANDBOX_CARRIER_TASK = 'orders.sandboxCarrierWebhook';

/** One tracking event as the sandbox carrier sends it: about a waybill, never about the customer. */
export interface CarrierWireEvent {
  id: string;
  created: number;
  data: { trackingNumber: string; status: ShipmentStatus; occurredAt: string; location: string | null };
}

/** Hubs the sandbox parcels pass through, so events look like a carrier's. */
const LOCATIONS: Partial<Record<ShipmentStatus, string>> = {
  IN_TRANSIT: 'Bangkok sorting hub',
  OUT_FOR_DELIVERY: 'Local delivery station',
  FAILED_ATTEMPT: 'Local delivery station',
  RETURNED_TO_SENDER: 'Bangkok sorting hub',
};

export function carrierWireEvent(trackingNumber: string, status: ShipmentStatus, at = new Date()): CarrierWireEvent {
  return {
    id: `trk_${randomBytes(12).toString('hex')}`,
    created: Math.floor(at.getTime() / 1000),
    data: { trackingNumber, status, occurredAt: at.toISOString(), location: LOCATIONS[status] ?? null },
  };
}

/**
 * Makes the sandbox carrier report `status` for a shipment it carries: the
 * signed webhook is queued in the caller's transaction and delivered by a job,
 * so the shipment changes when the webhook arrives, as with a real carrier.
 */
export async function sandboxAdvance(
  tx: Db,
  input: { shipmentId: string; status: ShipmentStatus },
): Promise<Result<ShipmentRow, 'NOT_FOUND' | 'INVALID'>> {
  const [row] = isId(input.shipmentId) ? await tx.select().from(shipment).where(eq(shipment.id, input.shipmentId)) : [];
  if (!row) return shipmentFail('NOT_FOUND:shipment', ['input', 'shipmentId']);
  const [by] = await tx.select({ adapter: carrier.adapter }).from(carrier).where(eq(carrier.code, row.carrierCode));
  if (by?.adapter !== 'sandbox' || !row.trackingNumber) {
    return shipmentFail('INVALID:notSandbox', ['input', 'shipmentId'], { number: row.number });
  }
  await enqueue(tx, SANDBOX_CARRIER_TASK, { event: carrierWireEvent(row.trackingNumber, input.status) });
  return ok(row);
}

function webhookUrl(): string {
  return process.env.SANDBOX_CARRIER_WEBHOOK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/webhooks/carriers/sandbox`;
}

/** The job that delivers one carrier event, signed at sending time; accepted or already seen (409) ends it. */
export async function deliverSandboxCarrierEvent(payload: unknown): Promise<void> {
  const body = JSON.stringify((payload as { event: CarrierWireEvent }).event);
  const response = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: sandboxSignature(body, Math.floor(Date.now() / 1000)) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok && response.status !== 409) throw new Error(`Sandbox carrier webhook answered ${response.status}: ${await response.text()}`);
}
