import type { StockUserError } from '@/components/stock/stock-feedback';
import {
  stockUserErrors,
  VariantLabelFragment,
  WarehouseLabelFragment,
  type VariantLabel_ProductVariant,
  type WarehouseLabel_Warehouse,
} from '@/components/stock/variant-label.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';

import { pageInfoFields } from '../stock.graphql';

import type { PurchaseOrderStatus } from '@/lib/stock';

export interface PurchaseOrdersListNode {
  id: string;
  number: string;
  supplier: { id: string; name: string } | null;
  warehouse: WarehouseLabel_Warehouse | null;
  status: PurchaseOrderStatus;
  /** Null for callers without catalog:read_cost. */
  total: Money | null;
  createdAt: string;
  lines: { id: string }[];
}

export interface SupplierOption {
  id: string;
  name: string;
  currencyCode: string;
}

export const PurchaseOrdersList = operation<
  {
    purchaseOrders: Connection<PurchaseOrdersListNode> | null;
    suppliers: { edges: { node: SupplierOption }[] } | null;
    warehouses: WarehouseLabel_Warehouse[] | null;
  },
  PageVariables & { status: PurchaseOrderStatus[] | null }
>(/* GraphQL */ `
  query PurchaseOrdersList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $status: [PurchaseOrderStatus!]
  ) {
    purchaseOrders(first: $first, after: $after, last: $last, before: $before, status: $status) {
      ${pageInfoFields}
      edges {
        node {
          id
          number
          supplier {
            id
            name
          }
          warehouse {
            ...WarehouseLabel_Warehouse
          }
          status
          total {
            amount
            currencyCode
          }
          createdAt
          lines {
            id
          }
        }
      }
    }
    suppliers(first: 100) {
      edges {
        node {
          id
          name
          currencyCode
        }
      }
    }
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
  ${WarehouseLabelFragment}
`);

export interface PurchaseOrderLineNode {
  id: string;
  variant: VariantLabel_ProductVariant | null;
  quantityOrdered: number;
  quantityReceived: number;
  /** Null for callers without catalog:read_cost. */
  unitCost: Money | null;
}

export interface PurchaseOrderDetailNode extends Omit<PurchaseOrdersListNode, 'lines'> {
  lines: PurchaseOrderLineNode[];
}

export const PurchaseOrderDetail = operation<{ purchaseOrder: PurchaseOrderDetailNode | null }, { id: string }>(
  /* GraphQL */ `
    query PurchaseOrderDetail($id: ID!) {
      purchaseOrder(id: $id) {
        id
        number
        supplier {
          id
          name
        }
        warehouse {
          ...WarehouseLabel_Warehouse
        }
        status
        total {
          amount
          currencyCode
        }
        createdAt
        lines {
          id
          variant {
            ...VariantLabel_ProductVariant
          }
          quantityOrdered
          quantityReceived
          unitCost {
            amount
            currencyCode
          }
        }
      }
    }
    ${VariantLabelFragment}
    ${WarehouseLabelFragment}
  `,
);

export interface PurchaseOrderCreateInput {
  supplierId: string;
  warehouseId: string;
  lines: { variantId: string; quantity: number; unitCost: string | null }[];
}

type Payload = { userErrors: StockUserError[] };
type WithOrder = Payload & { purchaseOrder: { id: string } | null };

export const PurchaseOrderCreate = operation<{ purchaseOrderCreate: WithOrder }, { input: PurchaseOrderCreateInput }>(
  /* GraphQL */ `
    mutation PurchaseOrderCreate($input: PurchaseOrderCreateInput!) {
      purchaseOrderCreate(input: $input) {
        purchaseOrder {
          id
        }
        ${stockUserErrors}
      }
    }
  `,
);

export const PurchaseOrderCreateFromSuggestions = operation<
  { purchaseOrderCreateFromSuggestions: WithOrder },
  { input: { warehouseId: string; supplierId: string } }
>(/* GraphQL */ `
  mutation PurchaseOrderCreateFromSuggestions($input: PurchaseOrderCreateFromSuggestionsInput!) {
    purchaseOrderCreateFromSuggestions(input: $input) {
      purchaseOrder {
        id
      }
      ${stockUserErrors}
    }
  }
`);

export const PurchaseOrderOrder = operation<{ purchaseOrderOrder: Payload }, { input: { id: string } }>(/* GraphQL */ `
  mutation PurchaseOrderOrder($input: PurchaseOrderOrderInput!) {
    purchaseOrderOrder(input: $input) {
      ${stockUserErrors}
    }
  }
`);

export interface PurchaseOrderReceiveInput {
  id: string;
  lines: { lineId: string; quantity: number }[];
}

export const PurchaseOrderReceive = operation<{ purchaseOrderReceive: Payload }, { input: PurchaseOrderReceiveInput }>(
  /* GraphQL */ `
    mutation PurchaseOrderReceive($input: PurchaseOrderReceiveInput!) {
      purchaseOrderReceive(input: $input) {
        ${stockUserErrors}
      }
    }
  `,
);

export const PurchaseOrderCancel = operation<{ purchaseOrderCancel: Payload }, { input: { id: string } }>(/* GraphQL */ `
  mutation PurchaseOrderCancel($input: PurchaseOrderCancelInput!) {
    purchaseOrderCancel(input: $input) {
      ${stockUserErrors}
    }
  }
`);

export const PurchaseOrderClose = operation<{ purchaseOrderClose: Payload }, { input: { id: string } }>(/* GraphQL */ `
  mutation PurchaseOrderClose($input: PurchaseOrderCloseInput!) {
    purchaseOrderClose(input: $input) {
      ${stockUserErrors}
    }
  }
`);
