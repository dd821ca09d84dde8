'use server';

import { revalidatePath } from 'next/cache';

import type { DeliveryExceptionResolveInput, OrdersShipTogetherInput, ShipmentCreateInput, ShipmentTrackingEventAddInput } from '@/gql/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { DeliveryExceptionResolve, OrdersShipTogether, ShipmentCreate, ShipmentTrackingEventAdd } from './fulfilment.graphql';

/** shipmentCreate; answers the shipment's number and waybill. */
export async function createShipment(input: ShipmentCreateInput): Promise<ActionResult<{ number: string; trackingNumber: string | null }>> {
  const result = await runMutation(ShipmentCreate, { input }, (d) => d.shipmentCreate, (p) => ({ number: p.shipment!.number, trackingNumber: p.shipment!.trackingNumber ?? null }));
  if (result.ok) {
    revalidatePath('/fulfilment');
    revalidatePath(`/orders/${input.orderId}`);
  }
  return result;
}

/** ordersShipTogether; answers the parcel's waybill. */
export async function shipTogether(input: OrdersShipTogetherInput): Promise<ActionResult<string | null>> {
  const result = await runMutation(OrdersShipTogether, { input }, (d) => d.ordersShipTogether, (p) => p.parcel?.trackingNumber ?? null);
  if (result.ok) revalidatePath('/fulfilment');
  return result;
}

/** shipmentTrackingEventAdd, typed by staff. */
export async function addTrackingEvent(input: ShipmentTrackingEventAddInput): Promise<ActionResult<null>> {
  return runMutation(ShipmentTrackingEventAdd, { input }, (d) => d.shipmentTrackingEventAdd, () => null);
}

/** deliveryExceptionResolve. */
export async function resolveDeliveryException(input: DeliveryExceptionResolveInput): Promise<ActionResult<null>> {
  const result = await runMutation(DeliveryExceptionResolve, { input }, (d) => d.deliveryExceptionResolve, () => null);
  if (result.ok) revalidatePath('/fulfilment/exceptions');
  return result;
}
