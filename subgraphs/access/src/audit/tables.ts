// Audit log: the hash-chained audit table and its outcomes (drizzle.config.ts lists this file).
import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { access } from '../tables.js';

export const AUDIT_OUTCOMES = ['SUCCESS', 'USER_ERROR', 'FORBIDDEN', 'ERROR'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One row per mutation, whatever its outcome. Append-only: a trigger (migration
 * audit_append_only) refuses UPDATE, DELETE and TRUNCATE, and each row carries
 * the sha256 of its content and of the previous row's hash, so a change made by
 * someone who can switch the trigger off still shows in `pnpm audit:verify`.
 * No created/updated columns: `at` is the creation time and rows never change.
 */
export const auditLog = access.table(
  'audit_log',
  {
    // Insertion order, which is chain order: appends serialise on an advisory lock.
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    principalKind: text('principal_kind').notNull(),
    // A staff id, member id or API key id; null for anonymous callers.
    actorId: text('actor_id'),
    operationName: text('operation_name'),
    rootFields: text('root_fields').array().notNull(),
    // Per root field (alias or name), its resolved arguments with the inputs marked in
    // schema/sensitive-inputs.ts redacted. Rows written before that hold the redacted variables.
    variables: jsonb('variables').notNull(),
    // Text with a check rather than an enum: the API filters by a free string, which must match nothing, not fail.
    outcome: text('outcome').$type<AuditOutcome>().notNull(),
    errorCodes: text('error_codes').array().notNull(),
    // Before/after of changed fields, redacted like the variables.
    changes: jsonb('changes'),
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    requestId: text('request_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    check('audit_log_outcome', sql`${t.outcome} in ('SUCCESS', 'USER_ERROR', 'FORBIDDEN', 'ERROR')`),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_root_fields_idx').using('gin', t.rootFields),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
