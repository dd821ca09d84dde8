// What a caller may do with an order now: its state machine, its money and holds, and the caller's scopes.
import { scopesOf, type Principal } from '@shop/kit';
import { HOLDABLE } from '../flags/index.js';
import { canTransition } from '../lifecycle/index.js';
import type { PaymentRow } from '../payments/index.js';
import type { OrderRow, OrderStatus } from '../tables.js';

/** One mutation on an existing order (OrderAction in the API), named after it. */
export const ORDER_ACTIONS = [
  'MARK_PAID',
  'RECORD_PAYMENT',
  'PAY_BY_CARD',
  'CAPTURE_PAYMENT',
  'FULFIL',
  'SHIP',
  'MARK_DELIVERED',
  'COMPLETE',
  'RELEASE',
  'HOLD',
  'CANCEL',
  'CLOSE',
  'REFUND_PAYMENT',
  'ADD_NOTE',
  'ADD_TAGS',
  'REMOVE_TAGS',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * The scope each operator's action needs, as its mutation's @requiresScopes in
 * schema/orders.graphql says (the gateway enforces it there; this only tells
 * the caller in advance). PAY_BY_CARD is the order's customer's, not a scope's.
 */
const SCOPE_OF: Record<Exclude<OrderAction, 'PAY_BY_CARD'>, string> = {
  MARK_PAID: 'orders:write',
  RECORD_PAYMENT: 'orders:write',
  CAPTURE_PAYMENT: 'orders:write',
  FULFIL: 'orders:write',
  SHIP: 'orders:write',
  MARK_DELIVERED: 'orders:write',
  COMPLETE: 'orders:write',
  HOLD: 'orders:write',
  RELEASE: 'orders:write',
  CANCEL: 'orders:write',
  CLOSE: 'orders:write',
  REFUND_PAYMENT: 'orders:refund',
  ADD_NOTE: 'orders:write',
  ADD_TAGS: 'orders:write',
  REMOVE_TAGS: 'orders:write',
};

/** The transition each lifecycle action asks for. */
const TRANSITION: Partial<Record<OrderAction, OrderStatus>> = {
  FULFIL: 'FULFILLING',
  SHIP: 'SHIPPED',
  MARK_DELIVERED: 'DELIVERED',
  COMPLETE: 'COMPLETED',
  CANCEL: 'CANCELLED',
  CLOSE: 'CLOSED',
};

/** A payment of the order with its summed movements. */
export interface PaymentStanding {
  provider: PaymentRow['provider'];
  status: PaymentRow['status'];
  authorizedMinor: bigint;
  capturedMinor: bigint;
  refundedMinor: bigint;
}

/** What the order's own state says beyond its row: holds and money. */
export interface OrderStanding {
  onHold: boolean;
  /** Captures minus refunds over every payment of the order. */
  netPaidMinor: bigint;
  payments: readonly PaymentStanding[];
}

/** Card money authorised and not yet captured: the service takes it from what is still due. */
const openAuthorizedMinor = (payments: readonly PaymentStanding[]) =>
  payments.filter((p) => p.status === 'AUTHORIZED').reduce((sum, p) => sum + p.authorizedMinor - p.capturedMinor, 0n);

/** Whether the order's state lets `action` succeed, whoever asks (the rules the services apply). */
function allowedByState(action: OrderAction, row: OrderRow, standing: OrderStanding): boolean {
  const due = row.totalMinor - standing.netPaidMinor;
  switch (action) {
    case 'MARK_PAID':
      return row.status === 'PENDING_PAYMENT' && due > 0n;
    case 'PAY_BY_CARD':
      return row.status === 'PENDING_PAYMENT' && due - openAuthorizedMinor(standing.payments) > 0n;
    case 'CAPTURE_PAYMENT':
      return standing.payments.some(
        (p) => p.provider !== 'MANUAL' && (p.status === 'AUTHORIZED' || p.status === 'CAPTURED') && p.authorizedMinor > p.capturedMinor,
      );
    case 'REFUND_PAYMENT':
      return standing.payments.some((p) => p.capturedMinor > p.refundedMinor);
    case 'FULFIL':
      return canTransition(row.status, 'FULFILLING', row.channel) && !standing.onHold;
    case 'HOLD':
      return HOLDABLE.includes(row.status);
    case 'RELEASE':
      return standing.onHold;
    case 'RECORD_PAYMENT':
    case 'ADD_NOTE':
    case 'ADD_TAGS':
    case 'REMOVE_TAGS':
      return true;
    default:
      return canTransition(row.status, TRANSITION[action]!, row.channel);
  }
}

/** Whether the caller may run `action` on this order at all: the mutation's scope, or for a card payment the order's own customer. */
function allowedToCaller(action: OrderAction, row: OrderRow, principal: Principal): boolean {
  if (action === 'PAY_BY_CARD') return principal.kind === 'customer' && row.memberId === principal.memberId;
  return scopesOf(principal).includes(SCOPE_OF[action]);
}

/**
 * The actions `principal` may perform on the order now, in the order the work
 * flows: each one's mutation would be accepted (given valid input), every
 * other one refused. A refund above the step-up threshold still needs its confirmation.
 */
export function availableActions(row: OrderRow, standing: OrderStanding, principal: Principal): OrderAction[] {
  return ORDER_ACTIONS.filter((action) => allowedToCaller(action, row, principal) && allowedByState(action, row, standing));
}
