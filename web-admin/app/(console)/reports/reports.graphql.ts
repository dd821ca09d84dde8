import { graphql } from '@/gql';

/** The same figures over three periods that end now, in one request. */
export const ReportsSalesSummaries = graphql(`
  query ReportsSalesSummaries($from7: DateTime!, $from30: DateTime!, $from90: DateTime!, $to: DateTime!) {
    last7: salesSummary(from: $from7, to: $to) {
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
    last30: salesSummary(from: $from30, to: $to) {
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
    last90: salesSummary(from: $from90, to: $to) {
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
