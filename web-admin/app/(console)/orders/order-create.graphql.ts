import type { OrderChannel, ShippingMethodCode } from '@/components/orders/order-enums';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

import type { OrderAddress } from './order.graphql';

export interface OrderCreateInput {
  channel: OrderChannel;
  memberId: string | null;
  lines: { variantId: string; quantity: number; unitPrice: string | null }[];
  address: OrderAddress | null;
  shippingMethod: ShippingMethodCode | null;
  paymentMethod: string | null;
  note: string | null;
}

/** orderCreate: a phone sale waits for payment; a till sale is paid and handed over at once. */
export const OrderCreate = operation<
  {
    orderCreate: {
      order: { id: string; number: string } | null;
      userErrors: (UserError & { availableQuantity: number | null })[];
    } | null;
  },
  { input: OrderCreateInput }
>(/* GraphQL */ `
  mutation OrderCreate($input: OrderCreateInput!) {
    orderCreate(input: $input) {
      order {
        id
        number
      }
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export interface MemberOption {
  id: string;
  displayName: string;
  maskedPhone: string | null;
}

/** Members whose display name matches, for the member picker of a phone sale (members:read). */
export const OrderMemberSearch = operation<
  { members: { edges: { node: MemberOption }[] } | null },
  { query: string }
>(/* GraphQL */ `
  query OrderMemberSearch($query: String!) {
    members(first: 20, filter: { query: $query }, sortKey: DISPLAY_NAME) {
      edges {
        node {
          id
          displayName
          maskedPhone
        }
      }
    }
  }
`);
