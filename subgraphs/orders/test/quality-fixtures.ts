// Builders for quality tests: orders of one product shipped (with a lot), and returns of them, written as rows.
import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { returnRequest, returnRequestLine, type ReturnReasonCode, type ReturnRequestStatus } from '../src/after-sales/index.js';
import { carrier } from '../src/carriers/tables.js';
import { shipment, shipmentLine } from '../src/shipments/index.js';
import { order, orderLine } from '../src/tables.js';

let sequence = 0;

export interface Sold {
  orderId: string;
  orderLineId: string;
  variantId: string;
  lotCode: string | null;
}

/** An order of `units` of the product, shipped (ORIGINAL) from one lot `daysAgo` days ago. */
export async function shipProduct(
  db: Db,
  input: { productId: string; units: number; lotCode?: string | null; daysAgo?: number },
): Promise<Sold> {
  await db.insert(carrier).values({ code: 'MANUAL', name: 'Manual' }).onConflictDoNothing();
  const n = ++sequence;
  const number = `QA-${Date.now()}-${n}`;
  const shippedAt = new Date(Date.now() - (input.daysAgo ?? 1) * 86_400_000);
  const variantId = randomUUID();
  const [placed] = await db
    .insert(order)
    .values({ number, channel: 'ONLINE_STORE', status: 'SHIPPED', totalMinor: 1000n * BigInt(input.units), currencyCode: 'THB' })
    .returning();
  const [line] = await db
    .insert(orderLine)
    .values({
      orderId: placed!.id,
      variantId,
      productId: input.productId,
      sku: `QA-${n}`,
      title: 'Kettle',
      quantity: input.units,
      unitPriceMinor: 1000n,
      currencyCode: 'THB',
    })
    .returning();
  const [sent] = await db
    .insert(shipment)
    .values({ orderId: placed!.id, number: `S-${number}-1`, warehouseId: randomUUID(), carrierCode: 'MANUAL', status: 'SHIPPED', shippedAt })
    .returning();
  await db.insert(shipmentLine).values({
    shipmentId: sent!.id,
    orderLineId: line!.id,
    variantId,
    quantity: input.units,
    lotCode: input.lotCode ?? null,
  });
  return { orderId: placed!.id, orderLineId: line!.id, variantId, lotCode: input.lotCode ?? null };
}

/** A return request of `quantity` units of a sold line, for a reason, carrying the line's lot. */
export async function returnSold(
  db: Db,
  sold: Sold,
  input: { quantity: number; reason?: ReturnReasonCode; status?: ReturnRequestStatus },
): Promise<string> {
  const [request] = await db
    .insert(returnRequest)
    .values({
      number: `R-${randomUUID().slice(0, 8)}`,
      orderId: sold.orderId,
      kind: 'RETURN',
      status: input.status ?? 'REQUESTED',
      reasonCode: input.reason ?? 'QUALITY_DEFECT',
      openedBy: 'CUSTOMER',
      currencyCode: 'THB',
    })
    .returning();
  await db.insert(returnRequestLine).values({
    returnRequestId: request!.id,
    orderLineId: sold.orderLineId,
    variantId: sold.variantId,
    quantity: input.quantity,
    lotCode: sold.lotCode,
  });
  return request!.id;
}

/** The evaluation the quality job runs, for tests outside orders (which reach internals only through helpers). */
export { evaluateQualityAlerts } from '../src/quality/index.js';
