import { operation } from '@/lib/graphql';

export interface StockWarehousesNode {
  id: string;
  code: string;
  name: string;
}

export const StockWarehouses = operation<{ warehouses: StockWarehousesNode[] }>(/* GraphQL */ `
  query StockWarehouses {
    warehouses {
      id
      code
      name
    }
  }
`);
