import { graphql } from '@/gql';

export const QualityAlertsList = graphql(`
  query QualityAlertsList($first: Int, $after: String, $last: Int, $before: String, $filter: QualityAlertFilter) {
    qualityAlerts(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          lotCode
          status
          defectUnits
          shippedUnits
          ratePercent
          thresholdPercent
          windowStart
          windowEnd
          orderNumbers
          createdAt
          acknowledgedAt
          note
          product {
            id
            title
            returnStats {
              windowDays
              shippedUnits
              reasons {
                reasonCode
                units
                requests
              }
              lots {
                lotCode
                shippedUnits
                reasons {
                  reasonCode
                  units
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const QualitySettingsView = graphql(`
  query QualitySettingsView {
    qualitySettings {
      defectReasonCodes
      rateThresholdPercent
      windowDays
      minUnitsShipped
      updatedAt
    }
  }
`);

export const QualityAlertAcknowledge = graphql(`
  mutation QualityAlertAcknowledge($input: QualityAlertAcknowledgeInput!) {
    qualityAlertAcknowledge(input: $input) {
      qualityAlert {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const QualitySettingsUpdate = graphql(`
  mutation QualitySettingsUpdate($input: QualitySettingsUpdateInput!) {
    qualitySettingsUpdate(input: $input) {
      qualitySettings {
        rateThresholdPercent
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { QualityAlertStatus, QualitySettingsUpdateInput, ReturnReasonCode } from '@/gql/graphql';
