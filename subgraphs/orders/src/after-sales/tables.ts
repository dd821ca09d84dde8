// After-sales: return, refund-only and exchange requests on delivered orders (drizzle.config.ts globs this file).
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { order, orderLine, orders } from '../tables.js';

export const returnRequestKind = orders.enum('return_request_kind', ['RETURN', 'REFUND_ONLY', 'EXCHANGE']);

export const returnRequestStatus = orders.enum('return_request_status', [
  'REQUESTED',
  'APPROVED',
  'REJECTED',
  'RECEIVED',
  'REFUNDED',
  'EXCHANGED',
  'CLOSED',
]);

export const returnReasonCode = orders.enum('return_reason_code', [
  'QUALITY_DEFECT',
  'WRONG_ITEM',
  'WRONG_SIZE',
  'DAMAGED_IN_TRANSIT',
  'NOT_AS_DESCRIBED',
  'CHANGED_MIND',
  'OTHER',
]);

export const returnOpenedBy = orders.enum('return_opened_by', ['CUSTOMER', 'STAFF']);

export const returnDisposition = orders.enum('return_disposition', ['RESTOCK', 'WRITE_OFF']);

export const returnCloseReason = orders.enum('return_close_reason', ['CUSTOMER_WITHDREW', 'NO_REPLY', 'OTHER']);

/** One request about some lines of one order; refunds and the replacement shipment hang off it. */
export const returnRequest = orders.table(
  'return_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human number, R-<order number>-<n>. */
    number: text('number').notNull().unique(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    // members.member id (another domain's row, so no foreign key); null for guest orders.
    memberId: uuid('member_id'),
    kind: returnRequestKind('kind').notNull(),
    status: returnRequestStatus('status').notNull().default('REQUESTED'),
    reasonCode: returnReasonCode('reason_code').notNull(),
    /** The customer's own words (member data: privacy export and erase). */
    customerNote: text('customer_note'),
    /** Internal: what staff wrote when deciding or receiving (orders:read_internal). */
    staffNote: text('staff_note'),
    openedBy: returnOpenedBy('opened_by').notNull(),
    /** Whether the last refund included the order's shipping charge. */
    refundShipping: boolean('refund_shipping').notNull().default(false),
    /** Sum of the refunds made for this request; never above its lines' value plus shipping. */
    refundedMinor: bigint('refunded_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    /** Why it was closed without further steps; null unless CLOSED. */
    closeReason: returnCloseReason('close_reason'),
    ...timestamps,
  },
  (t) => [
    index('return_request_order_idx').on(t.orderId, t.createdAt),
    index('return_request_member_idx').on(t.memberId, t.createdAt, t.id),
    index('return_request_status_created_idx').on(t.status, t.createdAt, t.id),
    index('return_request_created_idx').on(t.createdAt, t.id),
    check('return_request_refunded_non_negative', sql`${t.refundedMinor} >= 0`),
  ],
);

/** The quantity of one order line a request is about, and what became of it on receipt. */
export const returnRequestLine = orders.table(
  'return_request_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    returnRequestId: uuid('return_request_id')
      .notNull()
      .references(() => returnRequest.id),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLine.id),
    // products.variant id: another domain's row.
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    receivedQuantity: integer('received_quantity').notNull().default(0),
    disposition: returnDisposition('disposition'),
    // stock.warehouse id where the items were received (restocked or written off).
    warehouseId: uuid('warehouse_id'),
    /** The lot the items shipped from, for quality counts; null when the shipment recorded none. */
    lotCode: text('lot_code'),
    ...timestamps,
  },
  (t) => [
    index('return_request_line_request_idx').on(t.returnRequestId),
    index('return_request_line_order_line_idx').on(t.orderLineId),
    unique('return_request_line_unique').on(t.returnRequestId, t.orderLineId),
    check('return_request_line_quantity_positive', sql`${t.quantity} > 0`),
    check('return_request_line_received_range', sql`${t.receivedQuantity} >= 0 and ${t.receivedQuantity} <= ${t.quantity}`),
  ],
);

/**
 * A private image uploaded for after-sales (POST /after-sales/photos), kept outside the public media folder and read
 * only through signed links. Unattached until a request names it; unattached uploads are purged after a day.
 */
export const returnPhoto = orders.table(
  'return_photo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The uploader: a members.member id (customer) or an access.staff id; exactly one is set.
    memberId: uuid('member_id'),
    staffId: text('staff_id'),
    returnRequestId: uuid('return_request_id').references(() => returnRequest.id),
    /** Its place among the request's photos, from 0. */
    position: integer('position'),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    ...timestamps,
  },
  (t) => [
    index('return_photo_request_idx').on(t.returnRequestId, t.position),
    index('return_photo_unattached_idx').on(t.createdAt).where(sql`${t.returnRequestId} is null`),
    check('return_photo_one_uploader', sql`(${t.memberId} is null) <> (${t.staffId} is null)`),
  ],
);

export type ReturnPhotoRow = typeof returnPhoto.$inferSelect;
export type ReturnRequestRow = typeof returnRequest.$inferSelect;
export type ReturnRequestLineRow = typeof returnRequestLine.$inferSelect;
export type ReturnRequestKind = ReturnRequestRow['kind'];
export type ReturnRequestStatus = ReturnRequestRow['status'];
export type ReturnReasonCode = ReturnRequestRow['reasonCode'];
export type ReturnCloseReason = NonNullable<ReturnRequestRow['closeReason']>;
