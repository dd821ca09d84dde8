// Privacy requests: asking every domain for its part of a member's export or erasure, and collecting the parts.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { anyId, connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { privacyTaskName, type PrivacyTaskPayload } from '@shop/kit/privacy-parts';
import { memberFail, type MemberResult } from '../errors/index.js';
import { member } from '../tables.js';
import { privacyRequest, privacyRequestPart, type PrivacyRequestKind, type PrivacyRequestRow } from './tables.js';

/**
 * Every domain that stores member data, each running one task per request
 * (`<domain>.privacyExport` / `<domain>.privacyErase`, defined in its `privacy/`
 * folder) and reporting back through `privacyPartDone`. Reports and stock
 * hold no member ids; access's audit log holds redacted arguments only
 * (schema/sensitive-inputs.ts) and is append-only by design.
 */
export const PRIVACY_DOMAINS = ['members', 'orders', 'products', 'coupons'] as const;
export type PrivacyDomain = (typeof PRIVACY_DOMAINS)[number];

/** How long a finished export can be downloaded; then its data is purged. */
export const EXPORT_RETENTION_DAYS = 7;
export const PURGE_EXPORT_TASK = 'members.privacyExportPurge';

const MAX_REASON = 500;

/**
 * Opens an export or erasure of a member and, in the same transaction, enqueues
 * one task per domain holding member data. An erasure needs a reason; erasing
 * again is allowed (every part is idempotent); exporting an erased member is
 * MEMBER_ERASED. `tx` is the mutation's transaction.
 */
export async function requestPrivacy(
  tx: Db,
  input: { memberId: string; kind: PrivacyRequestKind; reason?: string | null; requestedBy: string | null },
  changes: ChangeRecord[],
): Promise<MemberResult<PrivacyRequestRow>> {
  const reason = input.reason?.trim() || null;
  if (input.kind === 'ERASE' && (!reason || [...reason].length > MAX_REASON)) {
    return memberFail('INVALID_TEXT', ['input', 'reason'], { max: MAX_REASON });
  }
  if (!isId(input.memberId)) return memberFail('MEMBER_NOT_FOUND', ['input', 'memberId']);
  // The member's row is the serialisation point between an erasure and the parts of an export.
  const [found] = await tx.select({ id: member.id }).from(member).where(eq(member.id, input.memberId)).for('update');
  if (!found) return memberFail('MEMBER_NOT_FOUND', ['input', 'memberId']);
  if (input.kind === 'EXPORT' && (await isErased(tx, input.memberId))) return memberFail('MEMBER_ERASED', ['input', 'memberId']);

  const [request] = await tx
    .insert(privacyRequest)
    .values({ memberId: input.memberId, kind: input.kind, reason, requestedBy: input.requestedBy })
    .returning();
  await tx.insert(privacyRequestPart).values(PRIVACY_DOMAINS.map((domain) => ({ requestId: request!.id, domain })));
  const payload: PrivacyTaskPayload = { requestId: request!.id, memberId: input.memberId };
  for (const domain of PRIVACY_DOMAINS) {
    await enqueue(tx, privacyTaskName(domain, input.kind), { ...payload }, { jobKey: `privacy:${request!.id}:${domain}` });
  }
  changes.push({ entity: 'PrivacyRequest', id: request!.id, before: {}, after: { memberId: input.memberId, kind: input.kind } });
  return ok(request!);
}

/** Whether an erasure was ever asked for the member (pending or done). */
export async function isErased(tx: Db, memberId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: privacyRequest.id })
    .from(privacyRequest)
    .where(and(eq(privacyRequest.memberId, memberId), eq(privacyRequest.kind, 'ERASE')))
    .limit(1);
  return Boolean(row);
}

/** Dates as ISO text and bigints (money in minor units) as decimal strings: what jsonb can hold. */
const asJson = (data: unknown): unknown =>
  JSON.parse(JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));

/**
 * A domain reports its part of a request done, in the transaction that did the
 * work, with the data it holds about the member for an export. The last part
 * in completes the request; an export then stays downloadable for
 * EXPORT_RETENTION_DAYS. Reporting a part again changes nothing, and an
 * export's data is dropped when the member has been erased meanwhile.
 * Throws for an unknown request or domain: that is a fault, and the task retries.
 */
export async function privacyPartDone(tx: Db, requestId: string, domain: PrivacyDomain, data?: unknown): Promise<void> {
  const [request] = await tx.select().from(privacyRequest).where(eq(privacyRequest.id, requestId)).for('update');
  if (!request) throw new Error(`privacy request ${requestId} does not exist`);
  // Waits for an erasure being requested for the same member, so its purge sees this part's data.
  await tx.select({ id: member.id }).from(member).where(eq(member.id, request.memberId)).for('share');
  const keep = request.kind === 'EXPORT' && request.status === 'PENDING' && data !== undefined && !(await isErased(tx, request.memberId));
  const [part] = await tx
    .update(privacyRequestPart)
    .set({ data: keep ? asJson(data) : null, doneAt: sql`coalesce(${privacyRequestPart.doneAt}, now())`, updatedAt: new Date() })
    .where(and(eq(privacyRequestPart.requestId, requestId), eq(privacyRequestPart.domain, domain), isNull(privacyRequestPart.doneAt)))
    .returning({ domain: privacyRequestPart.domain });
  if (!part) {
    const [known] = await tx.select({ domain: privacyRequestPart.domain }).from(privacyRequestPart)
      .where(and(eq(privacyRequestPart.requestId, requestId), eq(privacyRequestPart.domain, domain)));
    if (!known) throw new Error(`privacy request ${requestId} has no ${domain} part`);
    return;
  }
  const [open] = await tx.select({ domain: privacyRequestPart.domain }).from(privacyRequestPart)
    .where(and(eq(privacyRequestPart.requestId, requestId), isNull(privacyRequestPart.doneAt))).limit(1);
  if (open || request.status !== 'PENDING') return;
  const now = new Date();
  const expiresAt = request.kind === 'EXPORT' ? new Date(now.getTime() + EXPORT_RETENTION_DAYS * 86_400_000) : null;
  await tx.update(privacyRequest).set({ status: 'DONE', completedAt: now, expiresAt, updatedAt: now }).where(eq(privacyRequest.id, requestId));
  if (expiresAt) await enqueue(tx, PURGE_EXPORT_TASK, { requestId }, { jobKey: `privacyPurge:${requestId}`, runAt: expiresAt });
}

/** Drops the stored data of the given requests' exports; they read EXPIRED from then on. */
export async function purgeExports(tx: Db, requestIds: string[]): Promise<void> {
  if (!requestIds.length) return;
  await tx.update(privacyRequestPart).set({ data: null, updatedAt: new Date() })
    .where(and(inArray(privacyRequestPart.requestId, requestIds), isNotNull(privacyRequestPart.data)));
  await tx.update(privacyRequest).set({ status: 'EXPIRED', updatedAt: new Date() })
    .where(and(inArray(privacyRequest.id, requestIds), eq(privacyRequest.kind, 'EXPORT'), eq(privacyRequest.status, 'DONE')));
}

/** Every export of a member, for the erasure: what they held must not outlive it. */
export async function exportsOf(tx: Db, memberId: string): Promise<string[]> {
  const rows = await tx.select({ id: privacyRequest.id }).from(privacyRequest)
    .where(and(eq(privacyRequest.memberId, memberId), eq(privacyRequest.kind, 'EXPORT')));
  return rows.map((row) => row.id);
}

/** The export as one JSON document (one key per domain), or null while pending, once expired or for an erasure. */
export async function exportDocument(db: Db, requestId: string): Promise<Record<string, unknown> | null> {
  if (!isId(requestId)) return null;
  const [request] = await db.select().from(privacyRequest).where(eq(privacyRequest.id, requestId));
  if (!request || request.kind !== 'EXPORT' || request.status !== 'DONE') return null;
  const parts = await db.select().from(privacyRequestPart).where(eq(privacyRequestPart.requestId, requestId));
  return {
    requestId: request.id,
    memberId: request.memberId,
    completedAt: request.completedAt?.toISOString() ?? null,
    expiresAt: request.expiresAt?.toISOString() ?? null,
    ...Object.fromEntries(parts.map((part) => [part.domain, part.data])),
  };
}

/** Requests by id, for the loader. */
export function privacyRequestsByIds(db: Db, ids: readonly string[]): Promise<PrivacyRequestRow[]> {
  return db.select().from(privacyRequest).where(anyId(privacyRequest.id, ids));
}

/** Which domains have reported their part, per request, for the loader. */
export function partsOf(db: Db, requestIds: readonly string[]) {
  return db
    .select({ requestId: privacyRequestPart.requestId, domain: privacyRequestPart.domain, doneAt: privacyRequestPart.doneAt })
    .from(privacyRequestPart)
    .where(anyId(privacyRequestPart.requestId, requestIds));
}

/** A member's requests, newest first, a keyset page at a time. `tx` may be the pool. */
export function privacyRequestsOf(tx: Db, memberId: string, args: ConnectionArgs) {
  const filter = eq(privacyRequest.memberId, memberId);
  return connectionOf(args, {
    sort: privacyRequest.createdAt,
    id: privacyRequest.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(privacyRequest).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => tx.$count(privacyRequest, filter),
  });
}
