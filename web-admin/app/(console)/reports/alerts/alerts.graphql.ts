import { graphql } from '@/gql';
import type { AnomalyAlertsListQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

/** Anomaly alerts, newest first, by status. The note is an internal note: null where the viewer may not read it. */
export const AnomalyAlertsList = graphql(`
  query AnomalyAlertsList($status: AnomalyAlertStatus, $first: Int, $after: String) {
    anomalyAlerts(status: $status, first: $first, after: $after) {
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
          metric
          day
          value
          baseline
          deviation
          direction
          status
          raisedAt
          acknowledgedAt
          note
        }
      }
    }
  }
`);

export type AnomalyAlertNode = NodeOf<AnomalyAlertsListQuery['anomalyAlerts']>;

export const AnomalyAlertAcknowledge = graphql(`
  mutation AnomalyAlertAcknowledge($input: AnomalyAlertAcknowledgeInput!) {
    anomalyAlertAcknowledge(input: $input) {
      alert {
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
