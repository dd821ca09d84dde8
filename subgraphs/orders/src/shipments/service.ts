// Shipments: ship some or all lines of an order, record what the carrier reports.
import { fail, type Db, type Result } from '@shop/kit';
import type { OrderActor } from '../history/index.js';
import type { ShipmentKind, ShipmentRow, ShipmentStatus, TrackingEventRow, TrackingEventSource } from './tables.js';

export type ShipmentErrorCode =
  | 'NOT_FOUND'
  | 'INVALID'
  | 'INVALID_TRANSITION'
  | 'ORDER_ON_HOLD'
  | 'INSUFFICIENT_STOCK'
  | 'OVER_SHIPPED'
  | 'UNKNOWN_CARRIER'
  | 'NOT_IMPLEMENTED';

export interface CreateShipmentInput {
  orderId: string;
  warehouseId: string;
  lines: { orderLineId: string; quantity: number; lotCode?: string | null }[];
  carrierCode: string;
  service?: string | null;
  trackingNumber?: string | null;
  /** Book a waybill through the carrier's adapter (fills the tracking number). */
  book?: boolean;
  kind?: ShipmentKind;
  /** The exchange a REPLACEMENT ships (after-sales). */
  returnRequestId?: string | null;
}

export interface ShipWholeOrderInput {
  orderId: string;
  carrierCode: string;
  trackingNumber?: string | null;
  book?: boolean;
}

export interface RecordTrackingEventInput {
  shipmentId: string;
  status: ShipmentStatus;
  occurredAt: Date;
  location?: string | null;
  externalId?: string | null;
  source: TrackingEventSource;
}

export async function createShipment(
  _tx: Db,
  _actor: OrderActor,
  _input: CreateShipmentInput,
): Promise<Result<ShipmentRow, ShipmentErrorCode>> {
  return fail('NOT_IMPLEMENTED', 'Shipping is not available yet.');
}

/** Ships every unshipped line, one shipment per warehouse the order's stock was reserved in. */
export async function shipWholeOrder(
  _tx: Db,
  _actor: OrderActor,
  _input: ShipWholeOrderInput,
): Promise<Result<ShipmentRow[], ShipmentErrorCode>> {
  return fail('NOT_IMPLEMENTED', 'Shipping is not available yet.');
}

/** Records one tracking event; a carrier event already recorded (same external id) changes nothing. */
export async function recordTrackingEvent(
  _tx: Db,
  _actor: OrderActor,
  _input: RecordTrackingEventInput,
): Promise<Result<TrackingEventRow, ShipmentErrorCode>> {
  return fail('NOT_IMPLEMENTED', 'Tracking is not available yet.');
}
