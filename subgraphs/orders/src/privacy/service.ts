// Orders' part of a member's privacy request: the member's orders, carts and payments, exported or anonymised.
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@shop/kit';
import { erasePhotosOf, returnPhoto, returnRequest, returnRequestLine } from '../after-sales/index.js';
import { cart, cartLine } from '../cart/tables.js';
import { orderFingerprint } from '../flags/tables.js';
import { payment, paymentTransaction } from '../payments/tables.js';
import { order, orderHistory, orderLine } from '../tables.js';

/**
 * Everything orders holds about a member: each order with its lines, shipping
 * contact, status history (without staff notes) and payments, their return
 * requests (their own note, not staff's) with lines and photos (id, type,
 * size and upload time; the bytes stay behind signed links), and their carts
 * with lines. `db` may be the pool.
 */
export async function memberOrdersExport(db: Db, memberId: string) {
  const orders = await db.select().from(order).where(eq(order.memberId, memberId)).orderBy(asc(order.createdAt));
  const orderIds = orders.map((o) => o.id);
  const carts = await db.select().from(cart).where(eq(cart.memberId, memberId)).orderBy(asc(cart.createdAt));
  const cartIds = carts.map((c) => c.id);
  const lines = orderIds.length ? await db.select().from(orderLine).where(inArray(orderLine.orderId, orderIds)).orderBy(asc(orderLine.position)) : [];
  const history = orderIds.length
    ? await db
        .select({ orderId: orderHistory.orderId, kind: orderHistory.kind, fromStatus: orderHistory.fromStatus, toStatus: orderHistory.toStatus, createdAt: orderHistory.createdAt })
        .from(orderHistory)
        .where(inArray(orderHistory.orderId, orderIds))
        .orderBy(asc(orderHistory.createdAt))
    : [];
  const payments = orderIds.length
    ? await db
        .select({ orderId: payment.orderId, provider: payment.provider, method: payment.method, status: payment.status, amountMinor: payment.amountMinor, currencyCode: payment.currencyCode, cardBrand: payment.cardBrand, cardLast4: payment.cardLast4, createdAt: payment.createdAt })
        .from(payment)
        .where(inArray(payment.orderId, orderIds))
    : [];
  const cartLines = cartIds.length ? await db.select().from(cartLine).where(inArray(cartLine.cartId, cartIds)) : [];
  const requests = await db
    .select({ id: returnRequest.id, orderId: returnRequest.orderId, number: returnRequest.number, kind: returnRequest.kind, status: returnRequest.status, reasonCode: returnRequest.reasonCode, customerNote: returnRequest.customerNote, refundedMinor: returnRequest.refundedMinor, currencyCode: returnRequest.currencyCode, createdAt: returnRequest.createdAt })
    .from(returnRequest)
    .where(eq(returnRequest.memberId, memberId))
    .orderBy(asc(returnRequest.createdAt));
  const requestLines = requests.length
    ? await db
        .select({ returnRequestId: returnRequestLine.returnRequestId, orderLineId: returnRequestLine.orderLineId, quantity: returnRequestLine.quantity, receivedQuantity: returnRequestLine.receivedQuantity })
        .from(returnRequestLine)
        .where(inArray(returnRequestLine.returnRequestId, requests.map((r) => r.id)))
    : [];
  // What each photo is, not its bytes (nor who uploaded it: staff identities stay staff's).
  const photos = requests.length
    ? await db
        .select({ returnRequestId: returnPhoto.returnRequestId, id: returnPhoto.id, contentType: returnPhoto.contentType, byteSize: returnPhoto.byteSize, uploadedAt: returnPhoto.createdAt })
        .from(returnPhoto)
        .where(inArray(returnPhoto.returnRequestId, requests.map((r) => r.id)))
        .orderBy(asc(returnPhoto.position))
    : [];
  const byOrder = <T extends { orderId: string }>(rows: T[], id: string) => rows.filter((row) => row.orderId === id);
  return {
    orders: orders.map((o) => ({
      ...o,
      lines: byOrder(lines, o.id),
      history: byOrder(history, o.id),
      payments: byOrder(payments, o.id),
      returnRequests: byOrder(requests, o.id).map((r) => ({
        ...r,
        lines: requestLines.filter((line) => line.returnRequestId === r.id),
        photos: photos.filter((photo) => photo.returnRequestId === r.id).map(({ returnRequestId: _, ...photo }) => photo),
      })),
    })),
    carts: carts.map((c) => ({ ...c, lines: cartLines.filter((line) => line.cartId === c.id) })),
  };
}

const ERASED_CONTACT = {
  shipName: null,
  shipPhone: null,
  shipPhoneDigits: null,
  shipLine1: null,
  shipLine2: null,
  shipCity: null,
  shipPostalCode: null,
  email: null,
};

/**
 * Anonymises a member's orders and carts in the caller's transaction: the
 * shipping contact (name, phone, email, street, city, postal code) goes, and
 * with it the hashed address and phone fingerprints; region and country stay
 * for tax and reports, as do amounts, lines, statuses and payments. The
 * member's own words and photos on return requests go. Staff notes (timeline, payments,
 * return requests) that quote the contact are replaced, since orders cannot
 * tell what else in free text names the member. Idempotent.
 */
export async function eraseMemberOrders(tx: Db, memberId: string): Promise<void> {
  const orders = await tx
    .select({ id: order.id, name: order.shipName, phone: order.shipPhone, digits: order.shipPhoneDigits, email: order.email, line1: order.shipLine1 })
    .from(order)
    .where(eq(order.memberId, memberId))
    .for('update');
  const orderIds = orders.map((o) => o.id);
  if (orderIds.length) {
    const quoted = [...new Set(orders.flatMap((o) => [o.name, o.phone, o.digits, o.email, o.line1]).filter((v): v is string => !!v && v.length >= 3))];
    if (quoted.length) {
      const quotes = (column: AnyPgColumn) => or(...quoted.map((text) => sql`strpos(lower(${column}), lower(${text})) > 0`));
      await tx.update(orderHistory).set({ note: 'erased' }).where(and(inArray(orderHistory.orderId, orderIds), isNotNull(orderHistory.note), quotes(orderHistory.note)));
      await tx.update(paymentTransaction).set({ note: 'erased' }).where(and(inArray(paymentTransaction.orderId, orderIds), isNotNull(paymentTransaction.note), quotes(paymentTransaction.note)));
      await tx.update(returnRequest).set({ staffNote: 'erased' }).where(and(inArray(returnRequest.orderId, orderIds), isNotNull(returnRequest.staffNote), quotes(returnRequest.staffNote)));
    }
    await tx.update(order).set({ ...ERASED_CONTACT, updatedAt: new Date() }).where(inArray(order.id, orderIds));
    await tx.delete(orderFingerprint).where(inArray(orderFingerprint.orderId, orderIds));
  }
  await tx.update(returnRequest).set({ customerNote: null, updatedAt: new Date() }).where(and(eq(returnRequest.memberId, memberId), isNotNull(returnRequest.customerNote)));
  await erasePhotosOf(tx, memberId);
  await tx.update(cart).set({ ...ERASED_CONTACT, updatedAt: new Date() }).where(eq(cart.memberId, memberId));
}
