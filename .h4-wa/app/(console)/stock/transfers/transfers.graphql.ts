import type { StockUserError } from '@/components/stock/stock-feedback';
import {
  stockUserErrors,
  VariantLabelFragment,
  WarehouseLabelFragment,
  type VariantLabel_ProductVariant,
  type WarehouseLabel_Warehouse,
} from '@/components/stock/variant-label.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

import { pageInfoFields } from '../stock.graphql';

export type StockTransferStatus = 'DRAFT' | 'IN_TRANSIT' | 'RECEIVED' | 'CANCELLED';

export interface StockTransfersListNode {
  id: string;
  number: string;
  from: WarehouseLabel_Warehouse | null;
  to: WarehouseLabel_Warehouse | null;
  status: StockTransferStatus;
  lines: { variant: VariantLabel_ProductVariant | null; quantity: number }[];
  createdAt: string;
}

export const StockTransfersList = operation<
  { stockTransfers: Connection<StockTransfersListNode> | null; warehouses: WarehouseLabel_Warehouse[] | null },
  PageVariables
>(/* GraphQL */ `
  query StockTransfersList($first: Int, $after: String, $last: Int, $before: String) {
    stockTransfers(first: $first, after: $after, last: $last, before: $before) {
      ${pageInfoFields}
      edges {
        node {
          id
          number
          from {
            ...WarehouseLabel_Warehouse
          }
          to {
            ...WarehouseLabel_Warehouse
          }
          status
          lines {
            variant {
              ...VariantLabel_ProductVariant
            }
            quantity
          }
          createdAt
        }
      }
    }
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
  ${VariantLabelFragment}
  ${WarehouseLabelFragment}
`);

export interface StockTransferCreateInput {
  fromWarehouseId: string;
  toWarehouseId: string;
  lines: { variantId: string; quantity: number }[];
}

type Payload = { userErrors: StockUserError[] };

export const StockTransferCreate = operation<{ stockTransferCreate: Payload }, { input: StockTransferCreateInput }>(
  /* GraphQL */ `
    mutation StockTransferCreate($input: StockTransferCreateInput!) {
      stockTransferCreate(input: $input) {
        ${stockUserErrors}
      }
    }
  `,
);

export const StockTransferShip = operation<{ stockTransferShip: Payload }, { input: { id: string } }>(/* GraphQL */ `
  mutation StockTransferShip($input: StockTransferShipInput!) {
    stockTransferShip(input: $input) {
      ${stockUserErrors}
    }
  }
`);

export const StockTransferReceive = operation<{ stockTransferReceive: Payload }, { input: { id: string } }>(
  /* GraphQL */ `
    mutation StockTransferReceive($input: StockTransferReceiveInput!) {
      stockTransferReceive(input: $input) {
        ${stockUserErrors}
      }
    }
  `,
);
