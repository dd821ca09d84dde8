/**
 * Shipments: the domain code other parts of orders use (after-sales, batch, documents, quality).
 * The graph's resolvers, loaders and rules are imported from ./resolvers.js, ./loaders.js and
 * ./permissions.js by the subgraph's own, so this barrel stays free of them.
 */
export {
  addressFingerprint,
  bookShipment,
  createShipment,
  recordTrackingEvent,
  shipOrdersTogether,
  shipWholeOrder,
  unshippedLines,
  type CreateShipmentInput,
  type RecordTrackingEventInput,
  type ShipmentErrorCode,
  type ShipWholeOrderInput,
} from './service.js';
export {
  parcel,
  shipment,
  shipmentKind,
  shipmentLine,
  shipmentStatus,
  trackingEvent,
  trackingEventSource,
  type ParcelRow,
  type ShipmentKind,
  type ShipmentLineRow,
  type ShipmentRow,
  type ShipmentStatus,
  type TrackingEventRow,
  type TrackingEventSource,
} from './tables.js';
