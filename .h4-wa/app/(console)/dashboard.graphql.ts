import type { SalesSummaryData } from '@/components/reports/sales-summary';
import { operation } from '@/lib/graphql';

export const DashboardSalesSummary = operation<
  { salesSummary: SalesSummaryData },
  { from: string; to: string }
>(/* GraphQL */ `
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
