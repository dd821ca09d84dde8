// Lot codes: the supplier's batch code recorded at goods receipt, and which lot a shipment most likely takes.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { level } from '../tables.js';
import { purchaseOrderReceipt } from './tables.js';

/** Letters, digits and - _ . / as printed on cartons; short enough to scan and to show on a label. */
const LOT_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export const LOT_CODE_RULE = 'A lot code is 1 to 64 letters, digits, or - _ . / and starts with a letter or digit.';

/** The code as stored (trimmed, null when blank), or undefined when it breaks LOT_CODE_RULE. */
export function normaliseLotCode(code: string | null | undefined): string | null | undefined {
  const trimmed = code?.trim();
  if (!trimmed) return null;
  return LOT_CODE.test(trimmed) ? trimmed : undefined;
}

/**
 * The lot the next unit of a variant leaves a warehouse from, under first-in-first-out: the units on hand are taken
 * to be the most recent receipts (older ones left first), so the next to go is the oldest receipt still needed to
 * cover the on-hand count. Null when nothing is on hand, when that receipt had no lot code, or when on hand exceeds
 * everything received through purchase orders (the oldest units came another way — a count, a transfer — and
 * their lot is unknown). A default for the shipment line, which staff may correct. `tx` is the caller's.
 */
export async function lotCodeFor(tx: Db, input: { variantId: string; warehouseId: string }): Promise<string | null> {
  const [stocked] = await tx
    .select({ onHand: level.onHand })
    .from(level)
    .where(and(eq(level.variantId, input.variantId), eq(level.warehouseId, input.warehouseId)));
  if (!stocked || stocked.onHand <= 0) return null;
  // Newest first with the running total; the first receipt where the total reaches on hand is the oldest still held.
  const held = tx
    .select({
      lotCode: purchaseOrderReceipt.lotCode,
      covered: sql<number>`sum(${purchaseOrderReceipt.quantity}) over (order by ${purchaseOrderReceipt.createdAt} desc, ${purchaseOrderReceipt.id} desc)`.as(
        'covered',
      ),
    })
    .from(purchaseOrderReceipt)
    .where(and(eq(purchaseOrderReceipt.variantId, input.variantId), eq(purchaseOrderReceipt.warehouseId, input.warehouseId)))
    .as('held');
  const [oldestHeld] = await tx
    .select({ lotCode: held.lotCode })
    .from(held)
    .where(gte(held.covered, stocked.onHand))
    .orderBy(asc(held.covered))
    .limit(1);
  return oldestHeld?.lotCode ?? null;
}
