import { graphql } from '@/gql';

export const StockWarehouses = graphql(/* GraphQL */ `
  query StockWarehouses {
    warehouses {
      id
      code
      name
    }
  }
`);
