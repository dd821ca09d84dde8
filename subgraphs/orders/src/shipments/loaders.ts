// Per-request batch loaders of shipments, carriers and delivery exceptions, merged into the domain's createLoaders.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { deliveryExceptionsByIds } from '../delivery-exceptions/service.js';
import {
  carriersByCodes,
  parcelsByIds,
  shipmentLinesByShipmentIds,
  shipmentsByIds,
  shipmentsByOrderIds,
  trackingEventsByShipmentIds,
  unshippedByOrderIds,
} from './queries.js';

export function createShipmentLoaders(db: Db) {
  return {
    shipmentsByOrderId: groupLoader((ids: readonly string[]) => shipmentsByOrderIds(db, ids), (s) => s.orderId),
    shipmentById: rowLoader((ids: readonly string[]) => shipmentsByIds(db, ids), (s) => s.id),
    shipmentLinesByShipmentId: groupLoader((ids: readonly string[]) => shipmentLinesByShipmentIds(db, ids), (l) => l.line.shipmentId),
    trackingEventsByShipmentId: groupLoader((ids: readonly string[]) => trackingEventsByShipmentIds(db, ids), (e) => e.shipmentId),
    parcelById: rowLoader((ids: readonly string[]) => parcelsByIds(db, ids), (p) => p.parcel.id),
    carrierByCode: rowLoader((codes: readonly string[]) => carriersByCodes(db, codes), (c) => c.code),
    unshippedByOrderId: groupLoader((ids: readonly string[]) => unshippedByOrderIds(db, ids), (l) => l.orderId),
    deliveryExceptionById: rowLoader((ids: readonly string[]) => deliveryExceptionsByIds(db, ids), (d) => d.id),
  };
}
