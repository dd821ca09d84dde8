// Shipments: what left which warehouse with which carrier, in which parcel, and what the carrier said since.
import { sql } from 'drizzle-orm';
import { check, index, integer, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { carrier } from '../carriers/tables.js';
import { order, orderLine, orders } from '../tables.js';

export const shipmentStatus = orders.enum('shipment_status', [
  'PENDING',
  'BOOKED',
  'SHIPPED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'FAILED_ATTEMPT',
  'RETURNED_TO_SENDER',
]);

/** ORIGINAL ships what was ordered (out of the order's reservation); REPLACEMENT ships again (reship, exchange) from available stock. */
export const shipmentKind = orders.enum('shipment_kind', ['ORIGINAL', 'REPLACEMENT']);

export const trackingEventSource = orders.enum('tracking_event_source', ['CARRIER', 'STAFF']);

/**
 * One waybill: orders of one member to one address shipped together share it,
 * each keeping its own shipment (lines, history, payments).
 */
export const parcel = orders.table(
  'parcel',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    carrierCode: text('carrier_code')
      .notNull()
      .references(() => carrier.code),
    trackingNumber: text('tracking_number'),
    // members.member id: another domain's row, so no foreign key.
    memberId: uuid('member_id'),
    /** A hash of the normalised shipping address, so the parcel's orders provably go to one door (no PII kept here). */
    addressFingerprint: text('address_fingerprint').notNull(),
    ...timestamps,
  },
  (t) => [index('parcel_tracking_idx').on(t.carrierCode, t.trackingNumber)],
);

export const shipment = orders.table(
  'shipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    /** S-<order number>-<n>: what staff, labels and the stock ledger call it. */
    number: text('number').notNull().unique(),
    // stock.warehouse id: another domain's row, so no foreign key.
    warehouseId: uuid('warehouse_id').notNull(),
    carrierCode: text('carrier_code')
      .notNull()
      .references(() => carrier.code),
    service: text('service'),
    trackingNumber: text('tracking_number'),
    parcelId: uuid('parcel_id').references(() => parcel.id),
    kind: shipmentKind('kind').notNull().default('ORIGINAL'),
    status: shipmentStatus('status').notNull().default('PENDING'),
    shippedAt: timestamp('shipped_at', { withTimezone: true, mode: 'date', precision: 3 }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date', precision: 3 }),
    // orders.return_request id (after-sales): the exchange this replacement ships; no foreign key so either folder migrates alone.
    returnRequestId: uuid('return_request_id'),
    ...timestamps,
  },
  (t) => [
    index('shipment_order_idx').on(t.orderId, t.createdAt),
    index('shipment_tracking_idx').on(t.carrierCode, t.trackingNumber),
    index('shipment_status_idx').on(t.status, t.createdAt, t.id),
    index('shipment_parcel_idx').on(t.parcelId),
  ],
);

export const shipmentLine = orders.table(
  'shipment_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipment.id),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLine.id),
    // Repeated from the order line so stock and quality read it without a join.
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** The production lot the units came from (stock's lot codes), when known. */
    lotCode: text('lot_code'),
    ...timestamps,
  },
  (t) => [
    index('shipment_line_shipment_idx').on(t.shipmentId),
    index('shipment_line_order_line_idx').on(t.orderLineId),
    check('shipment_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** Append-only: what the carrier (webhook) or staff (by hand) reported about a shipment. */
export const trackingEvent = orders.table(
  'tracking_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipment.id),
    status: shipmentStatus('status').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    location: text('location'),
    source: trackingEventSource('source').notNull(),
    // Repeated from the shipment so the carrier's event id is unique per carrier.
    carrierCode: text('carrier_code')
      .notNull()
      .references(() => carrier.code),
    /** The carrier's id of the event: a webhook delivered twice is recorded once. */
    externalId: text('external_id'),
    ...timestamps,
  },
  (t) => [
    index('tracking_event_shipment_idx').on(t.shipmentId, t.occurredAt),
    // Per shipment too: one carrier event about a parcel is recorded on each of the parcel's shipments.
    unique('tracking_event_external_unique').on(t.carrierCode, t.externalId, t.shipmentId),
  ],
);

export type ParcelRow = typeof parcel.$inferSelect;
export type ShipmentRow = typeof shipment.$inferSelect;
export type ShipmentLineRow = typeof shipmentLine.$inferSelect;
export type TrackingEventRow = typeof trackingEvent.$inferSelect;
export type ShipmentStatus = ShipmentRow['status'];
export type ShipmentKind = ShipmentRow['kind'];
export type TrackingEventSource = TrackingEventRow['source'];
