// Delivery exceptions: a parcel that did not arrive, opened by its tracking and resolved by staff.
import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { shipment } from '../shipments/tables.js';
import { orders } from '../tables.js';

export const deliveryExceptionKind = orders.enum('delivery_exception_kind', ['FAILED_DELIVERY', 'RETURNED_TO_SENDER']);
export const deliveryExceptionStatus = orders.enum('delivery_exception_status', ['OPEN', 'RESOLVED']);
export const deliveryExceptionResolution = orders.enum('delivery_exception_resolution', ['RESHIP', 'REFUND', 'CONTACTED']);

export const deliveryException = orders.table(
  'delivery_exception',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipment.id),
    kind: deliveryExceptionKind('kind').notNull(),
    status: deliveryExceptionStatus('status').notNull().default('OPEN'),
    resolution: deliveryExceptionResolution('resolution'),
    /** Internal: what staff decided and why (orders:read_internal). */
    note: text('note'),
    // access.staff id: another domain's row, so no foreign key.
    resolvedByStaffId: uuid('resolved_by_staff_id'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date', precision: 3 }),
    /** The new shipment a RESHIP made. */
    reshipmentId: uuid('reshipment_id').references(() => shipment.id),
    ...timestamps,
  },
  (t) => [
    index('delivery_exception_status_idx').on(t.status, t.createdAt, t.id),
    index('delivery_exception_shipment_idx').on(t.shipmentId),
  ],
);

export type DeliveryExceptionRow = typeof deliveryException.$inferSelect;
export type DeliveryExceptionKind = DeliveryExceptionRow['kind'];
export type DeliveryExceptionResolution = NonNullable<DeliveryExceptionRow['resolution']>;
