import { graphql } from '@/gql';
import type { OrderDetailQuery } from '@/gql/graphql';

/** Everything the detail page shows of one order. */
export const OrderDetail = graphql(`
  query OrderDetail($id: ID!) {
    order(id: $id) {
      shipments {
        id
        number
        status
        kind
        trackingNumber
        trackingUrl
        shippedAt
        deliveredAt
        carrier {
          name
        }
        lines {
          id
          sku
          title
          quantity
          lotCode
        }
        events {
          id
          status
          occurredAt
          location
          source
        }
      }
      unshippedLines {
        orderLineId
        sku
        title
        remaining
      }
      id
      number
      status
      channel
      createdAt
      subtotal {
        amount
        currencyCode
      }
      shipping {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
      }
      tax {
        amount
        currencyCode
      }
      total {
        amount
        currencyCode
      }
      member {
        id
        displayName
      }
      lines {
        id
        quantity
        unitPrice {
          amount
          currencyCode
        }
        lineTotal {
          amount
          currencyCode
        }
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
      taxInvoiceNumber
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
        amount {
          amount
          currencyCode
        }
        capturedAmount {
          amount
          currencyCode
        }
        refundedAmount {
          amount
          currencyCode
        }
        reference
        card {
          brand
          last4
        }
        transactions {
          id
          kind
          amount {
            amount
            currencyCode
          }
          reference
          note
          createdAt
        }
        createdAt
      }
      paidAmount {
        amount
        currencyCode
      }
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

export const OrderCancel = graphql(`
  mutation OrderCancel($input: OrderCancelInput!) {
    orderCancel(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderFulfil = graphql(`
  mutation OrderFulfil($input: OrderFulfilInput!) {
    orderFulfil(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderShip = graphql(`
  mutation OrderShip($input: OrderShipInput!) {
    orderShip(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderMarkDelivered = graphql(`
  mutation OrderMarkDelivered($input: OrderMarkDeliveredInput!) {
    orderMarkDelivered(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderNoteAdd = graphql(`
  mutation OrderNoteAdd($input: OrderNoteAddInput!) {
    orderNoteAdd(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderTagsAdd = graphql(`
  mutation OrderTagsAdd($input: OrderTagsInput!) {
    orderTagsAdd(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderTagsRemove = graphql(`
  mutation OrderTagsRemove($input: OrderTagsInput!) {
    orderTagsRemove(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderHold = graphql(`
  mutation OrderHold($input: OrderHoldInput!) {
    orderHold(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderRelease = graphql(`
  mutation OrderRelease($input: OrderReleaseInput!) {
    orderRelease(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderMarkPaid = graphql(`
  mutation OrderMarkPaid($input: OrderMarkPaidInput!) {
    orderMarkPaid(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PaymentRefund = graphql(`
  mutation PaymentRefund($input: PaymentRefundInput!) {
    paymentRefund(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type OrderDetailNode = NonNullable<OrderDetailQuery['order']>;
export type OrderAddress = NonNullable<OrderDetailNode['shippingAddress']>;
