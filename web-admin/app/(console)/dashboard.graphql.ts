import { graphql } from '@/gql';

/**
 * Every home tile in one request. Each tile carries its own scope rule: a tile the viewer
 * may not read comes back null with a FORBIDDEN error at its path, and the page leaves it out.
 */
export const DashboardHome = graphql(`
  query DashboardHome($days: Int!) {
    dashboard {
      id
      unpaidOrders
      toShipToday
      flaggedOrders
      deliveryExceptionsOpen
      afterSalesWaiting
      lowStockVariants
      followUpsDue
      salesToday {
        gmv {
          amount
          currencyCode
        }
        orders
        previousGmv {
          amount
          currencyCode
        }
        previousOrders
      }
      salesThisWeek {
        gmv {
          amount
          currencyCode
        }
        orders
        previousGmv {
          amount
          currencyCode
        }
        previousOrders
      }
      gmvTrend(days: $days) {
        day
        gmv {
          amount
          currencyCode
        }
        previousGmv {
          amount
          currencyCode
        }
      }
      channelSplit(days: $days) {
        key
        gmv {
          amount
          currencyCode
        }
        orders
      }
      topProducts(days: $days, first: 10) {
        productId
        title
        unitsSold
        gmv {
          amount
          currencyCode
        }
      }
      slowMovers(days: $days, first: 10) {
        productId
        title
        unitsSold
        gmv {
          amount
          currencyCode
        }
      }
      stockCover(first: 10) {
        variantId
        sku
        available
        dailyVelocity
        daysLeft
      }
    }
  }
`);
