import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { StockWarehousesQuery } from '@/gql/graphql';

export const StockWarehouses = graphql(`
  query StockWarehouses {
    warehouses {
      id
      code
      name
    }
  }
`);

export type StockWarehousesNode = ItemOf<StockWarehousesQuery['warehouses']>;
