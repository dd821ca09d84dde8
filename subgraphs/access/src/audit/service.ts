// Audit log: appending hash-chained entries, redacting secrets, verifying the chain and listing entries.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import { connectionOf, type ConnectionArgs, type Db } from '@shop/kit';
import { sensitiveRecordField } from '../../../../schema/sensitive-inputs.js';
import { auditLog, type AuditOutcome, type AuditRow } from './tables.js';

export { AUDIT_OUTCOMES, type AuditOutcome } from './tables.js';

/** The prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** pg_advisory_xact_lock key that serialises appends (the migrator holds 7351001). */
const AUDIT_APPEND_LOCK = 7351002;

/** What the gateway knows about one mutation when it has answered it. */
export interface AuditEntryInput {
  /** ANONYMOUS, CUSTOMER, STAFF or PARTNER. */
  principalKind: string;
  /** The staff id, member id or API key id that acted; null for anonymous callers. */
  actorId: string | null;
  operationName: string | null;
  /** The mutation fields the operation selected, e.g. ['staffCreate']. */
  rootFields: string[];
  /**
   * Per root field (by alias or name), the arguments as the server resolved
   * them, marked inputs already replaced (gateway/src/audit); keys that name
   * secrets or contact data are redacted here too, whatever the caller did.
   * Stored in the `variables` column.
   */
  arguments: Record<string, unknown>;
  outcome: AuditOutcome;
  /** userErrors codes and GraphQL error codes. */
  errorCodes: string[];
  /** Before and after of the fields updates changed (ChangeRecord[]); marked record fields are redacted here. */
  changes?: unknown;
  clientAddress?: string | null;
  userAgent?: string | null;
  requestId: string;
}

export const REDACTED = '[REDACTED]';

/** Keys whose values never reach the log, at any depth: secrets, contact data and payment cards. */
const SENSITIVE_KEY = /password|secret|token|email|phone|address|card|cvc/i;

/** Deeper values are cut: a 1 MB body can nest far enough to overflow a recursive walk. */
const MAX_DEPTH = 32;

const LONE_SURROGATE_OR_NUL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

/**
 * A string PostgreSQL stores exactly as JavaScript hashed it: no NUL (text and
 * jsonb refuse it) and no lone surrogate (UTF-8 encoding would replace it).
 */
function storable(text: string): string {
  return text.replace(LONE_SURROGATE_OR_NUL, '\uFFFD');
}

/**
 * A JSON value with sensitive keys replaced by "[REDACTED]" at any depth, dates
 * as ISO strings, bigints as strings and undefined members dropped.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return storable(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return '[TOO DEEP]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out[storable(key)] = SENSITIVE_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  }
  return out;
}

/** Root-field keys are schema field names (`cartSetAddress`), not data: redaction starts below them. */
function redactArguments(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [storable(key), redact(value, 1)]));
}

/** Change records with the fields marked in SENSITIVE_RECORD_FIELDS replaced, before and after. */
function redactChangeRecords(changes: unknown): unknown {
  if (!Array.isArray(changes)) return changes;
  return changes.map((change: unknown) => {
    if (change === null || typeof change !== 'object' || typeof (change as { entity?: unknown }).entity !== 'string') return change;
    const record = change as { entity: string; before?: unknown; after?: unknown };
    const side = (values: unknown) =>
      values !== null && typeof values === 'object' && !Array.isArray(values)
        ? Object.fromEntries(
            Object.entries(values).map(([field, value]) => [field, sensitiveRecordField(record.entity, field) ? REDACTED : value]),
          )
        : values;
    return { ...record, before: side(record.before), after: side(record.after) };
  });
}

/**
 * JSON with object keys sorted at every level: the same value always gives the
 * same text, whether it comes from the caller or back out of a jsonb column
 * (which reorders keys). Takes values that `redact` produced.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every column the hash covers: all but id (assigned on insert) and hash itself. */
type HashedFields = Omit<AuditRow, 'id' | 'hash'>;

/** sha256 (hex) of the canonical JSON of a row's content and its prev_hash. */
export function auditHash(fields: HashedFields): string {
  const content = {
    at: fields.at.toISOString(),
    principalKind: fields.principalKind,
    actorId: fields.actorId,
    operationName: fields.operationName,
    rootFields: fields.rootFields,
    variables: fields.variables,
    outcome: fields.outcome,
    errorCodes: fields.errorCodes,
    changes: fields.changes,
    clientAddress: fields.clientAddress,
    userAgent: fields.userAgent,
    requestId: fields.requestId,
    prevHash: fields.prevHash,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const optionalText = (text: string | null | undefined) => (text == null ? null : storable(text));

/**
 * Appends one row to the audit log, chained to the last one. Takes a
 * transaction-scoped advisory lock, so concurrent appends (from any number of
 * gateway processes) each read the hash the previous one wrote. `tx` may be
 * the pool (the append then runs in its own transaction) or the caller's
 * transaction (a savepoint inside it; the lock is then held until the caller
 * commits, so append last). The time is the database's, as of the append.
 */
export async function appendAudit(tx: Db, entry: AuditEntryInput): Promise<void> {
  const changes = entry.changes === undefined || entry.changes === null ? null : redact(redactChangeRecords(entry.changes));
  const content = {
    principalKind: storable(entry.principalKind),
    actorId: optionalText(entry.actorId),
    operationName: optionalText(entry.operationName),
    rootFields: entry.rootFields.map(storable),
    variables: redactArguments(entry.arguments),
    outcome: entry.outcome,
    errorCodes: entry.errorCodes.map(storable),
    changes,
    clientAddress: optionalText(entry.clientAddress),
    userAgent: optionalText(entry.userAgent),
    requestId: storable(entry.requestId),
  };
  await tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
    // The clock is read after the lock, so `at` never goes backwards along the chain.
    const [head] = await t.execute<{ prev_hash: string | null; at_ms: string }>(sql`
      select (select ${auditLog.hash} from ${auditLog} order by ${auditLog.id} desc limit 1) as prev_hash,
        floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text as at_ms`);
    const fields: HashedFields = { ...content, at: new Date(Number(head!.at_ms)), prevHash: head!.prev_hash ?? GENESIS_HASH };
    await t.insert(auditLog).values({
      ...fields,
      // Sent as text and cast, so the jsonb holds exactly the value that was hashed.
      variables: sql`${canonicalJson(fields.variables)}::jsonb`,
      changes: changes === null ? null : sql`${canonicalJson(changes)}::jsonb`,
      hash: auditHash(fields),
    });
  });
}

export type AuditVerification =
  | { ok: true; rows: number }
  /** `rows` counts the rows verified before the broken one. */
  | { ok: false; rows: number; firstBrokenId: string; reason: string };

const VERIFY_BATCH = 1000;

/**
 * Walks the whole log in id order and checks each row's hash and its link to
 * the row before it. A changed row fails its own hash; a deleted or inserted
 * row breaks the link of the row after it. Runs in one repeatable-read
 * snapshot, so appends made meanwhile neither confuse nor block it.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  return db.transaction(
    async (tx) => {
      let previous: { id: bigint; hash: string } | null = null;
      let rows = 0;
      for (;;) {
        const batch: AuditRow[] = await tx
          .select()
          .from(auditLog)
          .where(previous ? gt(auditLog.id, previous.id) : undefined)
          .orderBy(asc(auditLog.id))
          .limit(VERIFY_BATCH);
        for (const row of batch) {
          const broken = (reason: string): AuditVerification => ({ ok: false, rows, firstBrokenId: String(row.id), reason });
          if (auditHash(row) !== row.hash) {
            return broken(`row ${row.id} does not match its hash: its content was changed`);
          }
          const expected: string = previous?.hash ?? GENESIS_HASH;
          if (row.prevHash !== expected) {
            return broken(
              previous
                ? `row ${row.id} does not follow row ${previous.id}: a row between them was deleted or row ${previous.id} was rewritten`
                : `row ${row.id} is the first row but does not start the chain: earlier rows were deleted`,
            );
          }
          previous = { id: row.id, hash: row.hash };
          rows += 1;
        }
        if (batch.length < VERIFY_BATCH) return { ok: true, rows };
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export interface AuditLogFilter {
  actorId?: string | null;
  rootField?: string | null;
  outcome?: string | null;
  from?: Date | null;
  to?: Date | null;
}

function filterSql(filter: AuditLogFilter | null | undefined): SQL | undefined {
  return and(
    filter?.actorId != null ? eq(auditLog.actorId, filter.actorId) : undefined,
    // Containment rather than = any(), so the GIN index on root_fields serves it.
    filter?.rootField != null ? sql`${auditLog.rootFields} @> array[${filter.rootField}]::text[]` : undefined,
    filter?.outcome != null ? eq(auditLog.outcome, filter.outcome as AuditOutcome) : undefined,
    filter?.from != null ? gte(auditLog.at, filter.from) : undefined,
    filter?.to != null ? lt(auditLog.at, filter.to) : undefined,
  );
}

/** The API's AuditEntry: JSON columns as canonical JSON text, the id as a string. */
function toEntry(row: AuditRow) {
  return {
    id: String(row.id),
    at: row.at,
    principalKind: row.principalKind,
    actorId: row.actorId,
    operationName: row.operationName,
    rootFields: row.rootFields,
    variables: canonicalJson(row.variables),
    outcome: row.outcome,
    errorCodes: row.errorCodes,
    changes: row.changes === null ? null : canonicalJson(row.changes),
    clientAddress: row.clientAddress,
    userAgent: row.userAgent,
    requestId: row.requestId,
    hash: row.hash,
  };
}

export type AuditEntry = ReturnType<typeof toEntry>;

/**
 * One keyset page of the log, newest (highest id) first. `tx` may be the pool;
 * the count runs only when the client asks for totalCount.
 */
export async function listAuditLog(tx: Db, args: ConnectionArgs & { filter?: AuditLogFilter | null }) {
  const filter = filterSql(args.filter);
  // The id alone orders the log (it is the chain's order), so it is the sort column too.
  return connectionOf(args, {
    sort: auditLog.id,
    id: auditLog.id,
    descending: true,
    filter,
    rows: async (page) =>
      (await tx.select().from(auditLog).where(page.where).orderBy(...page.orderBy).limit(page.limit)).map(toEntry),
    keyset: (entry) => ({ value: entry.id, id: entry.id }),
    count: async () => (await tx.select({ n: count() }).from(auditLog).where(filter))[0]!.n,
  });
}
