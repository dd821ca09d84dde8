'use server';

import type { PaymentMethod } from '@/components/orders/order-enums';
import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { OrderCreate, OrderMemberSearch, type MemberOption, type OrderCreateInput } from './order-create.graphql';
import {
  OrderCancel,
  OrderFulfil,
  OrderHold,
  OrderMarkDelivered,
  OrderMarkPaid,
  OrderNoteAdd,
  OrderRelease,
  OrderShip,
  OrderTagsAdd,
  OrderTagsRemove,
  PaymentRefund,
} from './order.graphql';

type Done = Promise<ActionResult<null>>;
const nothing = () => null;

/** orderCancel: before shipping; the stock is released. */
export async function cancelOrder(input: { id: string; reason: string | null }): Done {
  return runMutation(OrderCancel, { input }, (d) => d.orderCancel, nothing);
}

/** orderMarkPaid: what is still due, received by hand. */
export async function markOrderPaid(input: { orderId: string; method: PaymentMethod; reference: string | null }): Done {
  return runMutation(OrderMarkPaid, { input }, (d) => d.orderMarkPaid, nothing);
}

/** orderFulfil: PAID → FULFILLING (refused while on hold). */
export async function fulfilOrder(id: string): Done {
  return runMutation(OrderFulfil, { input: { id } }, (d) => d.orderFulfil, nothing);
}

/** orderShip: FULFILLING → SHIPPED with carrier and tracking number. */
export async function shipOrder(input: { id: string; carrier: string; trackingNumber: string }): Done {
  return runMutation(OrderShip, { input }, (d) => d.orderShip, nothing);
}

/** orderMarkDelivered: SHIPPED → DELIVERED. */
export async function markOrderDelivered(id: string): Done {
  return runMutation(OrderMarkDelivered, { input: { id } }, (d) => d.orderMarkDelivered, nothing);
}

/** orderHold: a manual flag with the operator's reason. */
export async function holdOrder(input: { orderId: string; reason: string }): Done {
  return runMutation(OrderHold, { input }, (d) => d.orderHold, nothing);
}

/** orderRelease: clears every open flag. */
export async function releaseOrder(input: { orderId: string; note: string | null }): Done {
  return runMutation(OrderRelease, { input }, (d) => d.orderRelease, nothing);
}

/** paymentRefund: large refunds answer STEP_UP_REQUIRED first. */
export async function refundPayment(input: { paymentId: string; amount: string; reason: string }): Done {
  return runMutation(PaymentRefund, { input }, (d) => d.paymentRefund, nothing);
}

/** orderNoteAdd: a note on the timeline. */
export async function addOrderNote(input: { id: string; note: string }): Done {
  return runMutation(OrderNoteAdd, { input }, (d) => d.orderNoteAdd, nothing);
}

/** orderTagsAdd / orderTagsRemove. */
export async function changeOrderTags(change: 'add' | 'remove', input: { id: string; tags: string[] }): Done {
  return change === 'add'
    ? runMutation(OrderTagsAdd, { input }, (d) => d.orderTagsAdd, nothing)
    : runMutation(OrderTagsRemove, { input }, (d) => d.orderTagsRemove, nothing);
}

/** orderCreate; hands back the new order's id. */
export async function createOrder(input: OrderCreateInput): Promise<ActionResult<string | null>> {
  return runMutation(OrderCreate, { input }, (d) => d.orderCreate, (p) => p.order?.id ?? null);
}

/** Members whose name matches, for the phone-sale member picker; at most 20. */
export async function searchMembers(query: string): Promise<MemberOption[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(OrderMemberSearch, { query: text });
  return (data?.members?.edges ?? []).map(({ node }) => node);
}
