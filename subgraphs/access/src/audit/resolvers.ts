// Audit log: the GraphQL query that lists the audit log.
import type { ConnectionArgs, RequestBase } from '@shop/kit';
import { listAuditLog, type AuditLogFilter } from './service.js';

/**
 * Query fields of the audit log, spread into the access subgraph's Query
 * resolvers. Entries come shaped for the API, so AuditEntry needs no resolvers.
 * audit:read is the gateway's check (schema/access.graphql).
 */
export const auditQueryResolvers = {
  auditLog: (_: unknown, args: ConnectionArgs & { filter?: AuditLogFilter | null }, ctx: RequestBase) =>
    listAuditLog(ctx.db, args),
};
