// How a waybill is booked with each kind of carrier.
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { carrier, type CarrierRow } from './tables.js';

/** The active carrier with `code`, or null. */
export async function findActiveCarrier(tx: Db, code: string): Promise<CarrierRow | null> {
  const [row] = await tx.select().from(carrier).where(eq(carrier.code, code));
  return row?.active ? row : null;
}

/** Its public tracking page for a tracking number, or null when the carrier has none. */
export function trackingUrl(row: Pick<CarrierRow, 'trackingUrlTemplate'>, trackingNumber: string | null): string | null {
  if (!row.trackingUrlTemplate || !trackingNumber) return null;
  return row.trackingUrlTemplate.replace('{tracking}', encodeURIComponent(trackingNumber));
}

/**
 * Books a waybill and returns its tracking number, or null when the carrier's
 * adapter cannot (manual carriers: staff type the number the carrier gave them).
 */
export function bookWaybill(row: Pick<CarrierRow, 'adapter'>): string | null {
  switch (row.adapter) {
    case 'sandbox':
      return `SBX${String(randomInt(0, 1e9)).padStart(9, '0')}TH`;
    case 'manual':
      return null;
  }
}
