import type {
  OrderAction,
  OrderChannel,
  OrderFlagReason,
  OrderPaymentState,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PaymentTransactionKind,
  ShippingMethodCode,
} from '@/components/orders/order-enums';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

const money = /* GraphQL */ `
  amount
  currencyCode
`;

export interface OrderAddress {
  name: string | null;
  phone: string | null;
  email: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface OrderDetailLine {
  id: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  sku: string;
  productTitle: string;
  variantTitle: string;
  options: { name: string; value: string }[];
}

export interface OrderDetailHistoryEntry {
  id: string;
  kind: string;
  createdAt: string;
  actorKind: 'STAFF' | 'CUSTOMER' | 'PARTNER' | 'SYSTEM';
  actorLabel: string;
  staff: { id: string; displayName: string } | null;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  note: string | null;
}

export interface OrderDetailPayment {
  id: string;
  provider: 'MANUAL' | 'SANDBOX';
  method: PaymentMethod | null;
  status: PaymentStatus;
  amount: Money;
  capturedAmount: Money;
  refundedAmount: Money;
  reference: string | null;
  card: { brand: string; last4: string } | null;
  transactions: {
    id: string;
    kind: PaymentTransactionKind;
    amount: Money;
    reference: string | null;
    note: string | null;
    createdAt: string;
  }[];
  createdAt: string;
}

export interface OrderDetailFlag {
  id: string;
  reason: OrderFlagReason;
  message: string;
  raisedBy: string;
  createdAt: string;
  open: boolean;
  clearedAt: string | null;
  clearedBy: string | null;
  clearNote: string | null;
}

export interface OrderDetailNode {
  id: string;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  createdAt: string;
  subtotal: Money;
  shipping: Money;
  discount: Money;
  tax: Money;
  total: Money;
  member: { id: string; displayName: string } | null;
  lines: OrderDetailLine[];
  shippingAddress: OrderAddress | null;
  shippingMethod: ShippingMethodCode | null;
  carrier: string | null;
  trackingNumber: string | null;
  tags: string[];
  marketplace: string | null;
  externalOrderId: string | null;
  history: OrderDetailHistoryEntry[];
  payments: OrderDetailPayment[];
  paidAmount: Money;
  paymentState: OrderPaymentState;
  flags: OrderDetailFlag[] | null;
  onHold: boolean | null;
  availableActions: OrderAction[];
}

/** Everything the detail page shows of one order. */
export const OrderDetail = operation<{ order: OrderDetailNode | null }, { id: string }>(/* GraphQL */ `
  query OrderDetail($id: ID!) {
    order(id: $id) {
      id
      number
      status
      channel
      createdAt
      subtotal { ${money} }
      shipping { ${money} }
      discount { ${money} }
      tax { ${money} }
      total { ${money} }
      member {
        id
        displayName
      }
      lines {
        id
        quantity
        unitPrice { ${money} }
        lineTotal { ${money} }
        sku
        productTitle
        variantTitle
        options {
          name
          value
        }
      }
      shippingAddress {
        name
        phone
        email
        line1
        line2
        city
        region
        postalCode
        country
      }
      shippingMethod
      carrier
      trackingNumber
      tags
      marketplace
      externalOrderId
      history {
        id
        kind
        createdAt
        actorKind
        actorLabel
        staff {
          id
          displayName
        }
        fromStatus
        toStatus
        note
      }
      payments {
        id
        provider
        method
        status
        amount { ${money} }
        capturedAmount { ${money} }
        refundedAmount { ${money} }
        reference
        card {
          brand
          last4
        }
        transactions {
          id
          kind
          amount { ${money} }
          reference
          note
          createdAt
        }
        createdAt
      }
      paidAmount { ${money} }
      paymentState
      flags {
        id
        reason
        message
        raisedBy
        createdAt
        open
        clearedAt
        clearedBy
        clearNote
      }
      onHold
      availableActions
    }
  }
`);

/** userErrors of every orders mutation; availableQuantity only on OrderUserError. */
const userErrors = /* GraphQL */ `
  userErrors {
    field
    message
    code
  }
`;

type OrderPayloadData<K extends string> = { [key in K]: { order: { id: string } | null; userErrors: UserError[] } | null };

/** Declares an `OrderPayload` mutation that takes `input` and selects the order's id. */
function orderMutation<K extends string, TInput>(name: string, field: K, inputType: string) {
  return operation<OrderPayloadData<K>, { input: TInput }>(/* GraphQL */ `
    mutation ${name}($input: ${inputType}!) {
      ${field}(input: $input) {
        order {
          id
        }
        ${userErrors}
      }
    }
  `);
}

export const OrderCancel = orderMutation<'orderCancel', { id: string; reason: string | null }>(
  'OrderCancel',
  'orderCancel',
  'OrderCancelInput',
);
export const OrderFulfil = orderMutation<'orderFulfil', { id: string }>('OrderFulfil', 'orderFulfil', 'OrderFulfilInput');
export const OrderShip = orderMutation<'orderShip', { id: string; carrier: string; trackingNumber: string }>(
  'OrderShip',
  'orderShip',
  'OrderShipInput',
);
export const OrderMarkDelivered = orderMutation<'orderMarkDelivered', { id: string }>(
  'OrderMarkDelivered',
  'orderMarkDelivered',
  'OrderMarkDeliveredInput',
);
export const OrderNoteAdd = orderMutation<'orderNoteAdd', { id: string; note: string }>(
  'OrderNoteAdd',
  'orderNoteAdd',
  'OrderNoteAddInput',
);
export const OrderTagsAdd = orderMutation<'orderTagsAdd', { id: string; tags: string[] }>(
  'OrderTagsAdd',
  'orderTagsAdd',
  'OrderTagsInput',
);
export const OrderTagsRemove = orderMutation<'orderTagsRemove', { id: string; tags: string[] }>(
  'OrderTagsRemove',
  'orderTagsRemove',
  'OrderTagsInput',
);
export const OrderHold = orderMutation<'orderHold', { orderId: string; reason: string }>(
  'OrderHold',
  'orderHold',
  'OrderHoldInput',
);
export const OrderRelease = orderMutation<'orderRelease', { orderId: string; note: string | null }>(
  'OrderRelease',
  'orderRelease',
  'OrderReleaseInput',
);
export const OrderMarkPaid = orderMutation<
  'orderMarkPaid',
  { orderId: string; method: PaymentMethod; reference: string | null }
>('OrderMarkPaid', 'orderMarkPaid', 'OrderMarkPaidInput');
export const PaymentRefund = orderMutation<'paymentRefund', { paymentId: string; amount: string; reason: string }>(
  'PaymentRefund',
  'paymentRefund',
  'PaymentRefundInput',
);
