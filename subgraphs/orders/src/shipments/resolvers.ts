// GraphQL resolvers of fulfilment: shipments, carriers, tracking, delivery exceptions and merged parcels.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { trackingUrl } from '../carriers/adapters.js';
import { sandboxAdvance } from '../carriers/sandbox.js';
import { listDeliveryExceptions, resolveDeliveryException } from '../delivery-exceptions/service.js';
import type { DeliveryExceptionRow } from '../delivery-exceptions/tables.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import { allCarriers, fulfilmentQueue, mergeSuggestions } from './queries.js';
import { bookShipment, createShipment, recordTrackingEvent, shipOrdersTogether } from './service.js';
import type { ShipmentRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

const withShipment = (row: ShipmentRow) => ({ shipment: row });
const withException = (row: DeliveryExceptionRow) => ({ deliveryException: row });

export const shipmentResolvers: Resolvers = {
  Query: {
    carriers: (_, __, ctx) => allCarriers(ctx.db),
    fulfilmentQueue: (_, args, ctx) => fulfilmentQueue(ctx.db, args),
    shipmentMergeSuggestions: (_, args, ctx) => mergeSuggestions(ctx.db, args.first ?? 20),
    deliveryExceptions: (_, args, ctx) => listDeliveryExceptions(ctx.db, args),
  },
  Mutation: {
    shipmentCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => createShipment(tx, actorOf(ctx.principal), input)), withShipment),
    shipmentBook: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => bookShipment(tx, actorOf(ctx.principal), input.shipmentId)), withShipment),
    shipmentTrackingEventAdd: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, async (tx) => {
          const recorded = await recordTrackingEvent(tx, actorOf(ctx.principal), {
            shipmentId: input.shipmentId,
            status: input.status,
            occurredAt: input.occurredAt ?? new Date(),
            location: input.location,
            source: 'STAFF',
          });
          return recorded.ok ? { ok: true as const, value: recorded.value.shipmentId } : recorded;
        }),
        (shipmentId) => ({ shipment: ctx.loaders.shipmentById.load(shipmentId) }),
      ),
    shipmentSandboxAdvance: async (_, { input }, ctx) => payload(await mutate(ctx, (tx) => sandboxAdvance(tx, input)), withShipment),
    deliveryExceptionResolve: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => resolveDeliveryException(tx, actorOf(ctx.principal), input)), withException),
    ordersShipTogether: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => shipOrdersTogether(tx, actorOf(ctx.principal), input)), (v) => ({
        parcel: { parcel: v.parcel, shipmentCount: v.shipments.length },
        shipments: v.shipments,
      })),
  },
  Order: {
    shipments: (row, _, ctx) => ctx.loaders.shipmentsByOrderId.load(row.id),
    unshippedLines: async (row, _, ctx) => (await ctx.loaders.unshippedByOrderId.load(row.id)).filter((l) => l.remaining > 0),
  },
  Carrier: {
    adapter: (row) => (row.adapter === 'sandbox' ? 'SANDBOX' : 'MANUAL'),
    books: (row) => row.adapter === 'sandbox',
  },
  Shipment: {
    order: (row, _, ctx) => ctx.loaders.orderById.load(row.orderId),
    warehouse: (row) => ({ __typename: 'Warehouse', id: row.warehouseId }),
    carrier: async (row, _, ctx) => (await ctx.loaders.carrierByCode.load(row.carrierCode))!,
    trackingUrl: async (row, _, ctx) => {
      const found = await ctx.loaders.carrierByCode.load(row.carrierCode);
      return found ? trackingUrl(found, row.trackingNumber) : null;
    },
    parcel: (row, _, ctx) => (row.parcelId ? ctx.loaders.parcelById.load(row.parcelId) : null),
    lines: (row, _, ctx) => ctx.loaders.shipmentLinesByShipmentId.load(row.id),
    events: (row, _, ctx) => ctx.loaders.trackingEventsByShipmentId.load(row.id),
  },
  ShipmentLine: {
    id: (row) => row.line.id,
    orderLineId: (row) => row.line.orderLineId,
    variantId: (row) => row.line.variantId,
    quantity: (row) => row.line.quantity,
    lotCode: (row) => row.line.lotCode,
  },
  Parcel: {
    id: (row) => row.parcel.id,
    trackingNumber: (row) => row.parcel.trackingNumber,
  },
  DeliveryException: {
    shipment: (row, _, ctx) => ctx.loaders.shipmentById.load(row.shipmentId),
    reshipment: (row, _, ctx) => (row.reshipmentId ? ctx.loaders.shipmentById.load(row.reshipmentId) : null),
  },
};
