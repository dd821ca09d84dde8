import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { AuditLogListQuery } from '@/gql/graphql';

export const AuditLogList = graphql(`
  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter) {
    auditLog(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
    ) {
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
          at
          principalKind
          actorId
          operationName
          rootFields
          outcome
          errorCodes
          clientAddress
          requestId
        }
      }
    }
  }
`);

export type AuditLogNode = NodeOf<AuditLogListQuery['auditLog']>;
