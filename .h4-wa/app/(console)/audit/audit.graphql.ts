import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

export interface AuditLogNode {
  id: string;
  at: string;
  principalKind: string;
  actorId: string | null;
  operationName: string | null;
  rootFields: string[];
  outcome: string;
  errorCodes: string[];
  clientAddress: string | null;
  requestId: string;
}

export interface AuditLogFilter {
  actorId: string | null;
  rootField: string | null;
  outcome: string | null;
  from: string | null;
  to: string | null;
}

export const AuditLogList = operation<
  { auditLog: Connection<AuditLogNode> | null },
  PageVariables & { filter: AuditLogFilter }
>(/* GraphQL */ `
  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
