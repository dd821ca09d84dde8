import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { PurchaseOrdersListQuery } from '@/gql/graphql';

export const PurchaseOrdersList = graphql(`
  query PurchaseOrdersList($first: Int, $after: String, $last: Int, $before: String, $status: [PurchaseOrderStatus!]) {
    purchaseOrders(
      first: $first
      after: $after
      last: $last
      before: $before
      status: $status
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
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
`);

export const PurchaseOrderDetail = graphql(`
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
        receipts {
          id
          lotCode
        }
      }
    }
  }
`);

export const PurchaseOrderCreate = graphql(`
  mutation PurchaseOrderCreate($input: PurchaseOrderCreateInput!) {
    purchaseOrderCreate(input: $input) {
      purchaseOrder {
        id
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

export const PurchaseOrderCreateFromSuggestions = graphql(`
  mutation PurchaseOrderCreateFromSuggestions($input: PurchaseOrderCreateFromSuggestionsInput!) {
    purchaseOrderCreateFromSuggestions(input: $input) {
      purchaseOrder {
        id
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

export const PurchaseOrderOrder = graphql(`
  mutation PurchaseOrderOrder($input: PurchaseOrderOrderInput!) {
    purchaseOrderOrder(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const PurchaseOrderReceive = graphql(`
  mutation PurchaseOrderReceive($input: PurchaseOrderReceiveInput!) {
    purchaseOrderReceive(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const PurchaseOrderCancel = graphql(`
  mutation PurchaseOrderCancel($input: PurchaseOrderCancelInput!) {
    purchaseOrderCancel(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const PurchaseOrderClose = graphql(`
  mutation PurchaseOrderClose($input: PurchaseOrderCloseInput!) {
    purchaseOrderClose(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export type { PurchaseOrderCreateInput, PurchaseOrderReceiveInput } from '@/gql/graphql';
export type SupplierOption = NodeOf<PurchaseOrdersListQuery['suppliers']>;
