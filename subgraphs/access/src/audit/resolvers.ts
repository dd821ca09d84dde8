// Audit log: the GraphQL query that lists the audit log.
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { listAuditLog } from './service.js';

/**
 * Query fields of the audit log, spread into the access subgraph's Query
 * resolvers. Entries come shaped for the API, so AuditEntry needs no resolvers.
 * audit:read is the gateway's check (schema/access.graphql).
 */
export const auditQueryResolvers: Pick<QueryResolvers, 'auditLog'> = {
  auditLog: (_, args, ctx) => listAuditLog(ctx.db, args),
};
