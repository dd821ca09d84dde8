import { graphql } from '@/gql';

export const DashboardSalesSummary = graphql(`
  query DashboardSalesSummary($from: DateTime!, $to: DateTime!) {
    salesSummary(from: $from, to: $to) {
      gmv {
        amount
        currencyCode
      }
      orderCount
      averageOrderValue {
        amount
        currencyCode
      }
    }
  }
`);
