// Linking members' LINE user ids and WeChat openids: one id per member per app, one member per id.
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { anyId, ok, type ChangeRecord, type Db } from '@shop/kit';
import { memberError, memberFail, type MemberError, type MemberResult } from '../errors/index.js';
import { isErased } from '../privacy/index.js';
import { lockMember, type Member } from '../service.js';
import { memberMessagingId, type MemberChannelIdRow, type MessagingChannel } from './tables.js';

/**
 * What each app's id looks like: a LINE user id is "U" and 32 hex digits; a WeChat openid is 28 URL-safe
 * characters for an official account (a little leeway for other account kinds).
 */
const FORMATS: Record<MessagingChannel, RegExp> = {
  LINE: /^U[0-9a-f]{32}$/,
  WECHAT: /^[A-Za-z0-9_-]{20,64}$/,
};

export interface ChannelLinkInput {
  memberId: string;
  channel: MessagingChannel;
  externalId: string;
}

/** The member a link may change: it exists, was not merged away and was not erased. */
async function linkableMember(tx: Db, memberId: string, field: string[]): Promise<MemberResult<Member>> {
  const row = await lockMember(tx, memberId);
  if (!row) return memberFail('MEMBER_NOT_FOUND', field);
  if (row.mergedIntoId) return memberFail('MEMBER_MERGED', field);
  if (await isErased(tx, memberId)) return memberFail('MEMBER_ERASED:link', field);
  return ok(row);
}

/**
 * Links an app id to a member, replacing the member's earlier id on that app (expects the mutation's
 * transaction). CHANNEL_ID_TAKEN when another member holds the id, without saying who. Concurrent links of one
 * id take turns on a lock of that id, so the check and the write see the same owner. The audit records the
 * app, never the id.
 */
export async function linkChannelId(
  tx: Db,
  input: ChannelLinkInput,
  changes: ChangeRecord[],
  fields: { memberId: string[] | null; externalId: string[] },
): Promise<MemberResult<Member>> {
  const errors: MemberError[] = [];
  const externalId = input.externalId.trim();
  if (!FORMATS[input.channel]?.test(externalId)) errors.push(memberError(`INVALID_CHANNEL_ID:${input.channel}`, fields.externalId));
  const target = await linkableMember(tx, input.memberId, fields.memberId ?? []);
  if (!target.ok) errors.unshift(...target.errors.map((e) => ({ ...e, field: fields.memberId })));
  if (errors.length || !target.ok) return { ok: false, errors };
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${input.channel}:${externalId}`}, 0))`);
  const [owner] = await tx
    .select({ memberId: memberMessagingId.memberId })
    .from(memberMessagingId)
    .where(and(eq(memberMessagingId.channel, input.channel), eq(memberMessagingId.externalId, externalId)));
  if (owner && owner.memberId !== input.memberId) return memberFail(`CHANNEL_ID_TAKEN:${input.channel}`, fields.externalId);
  if (!owner) {
    await tx
      .insert(memberMessagingId)
      .values({ memberId: input.memberId, channel: input.channel, externalId })
      .onConflictDoUpdate({ target: [memberMessagingId.memberId, memberMessagingId.channel], set: { externalId, updatedAt: new Date() } });
    changes.push({ entity: 'Member', id: input.memberId, before: {}, after: { channelLinked: input.channel } });
  }
  return ok(target.value);
}

/** Unlinks the member's id on an app (expects the mutation's transaction); unlinking what is not linked changes nothing. */
export async function unlinkChannelId(
  tx: Db,
  input: { memberId: string; channel: MessagingChannel },
  changes: ChangeRecord[],
  memberField: string[] | null,
): Promise<MemberResult<Member>> {
  const target = await linkableMember(tx, input.memberId, memberField ?? []);
  if (!target.ok) return { ok: false, errors: target.errors.map((e) => ({ ...e, field: memberField })) };
  const removed = await tx
    .delete(memberMessagingId)
    .where(and(eq(memberMessagingId.memberId, input.memberId), eq(memberMessagingId.channel, input.channel)))
    .returning({ channel: memberMessagingId.channel });
  if (removed.length) changes.push({ entity: 'Member', id: input.memberId, before: { channelLinked: input.channel }, after: {} });
  return ok(target.value);
}

/**
 * A merge's part (in its transaction, both members locked): each of the source's app ids moves to the target
 * when the target has none on that app; otherwise the source's is dropped and the target's stays. The audit
 * records the apps, never the ids.
 */
export async function moveChannelIds(tx: Db, sourceId: string, targetId: string, changes: ChangeRecord[]): Promise<void> {
  const held = tx.select({ channel: memberMessagingId.channel }).from(memberMessagingId).where(eq(memberMessagingId.memberId, targetId));
  const moved = await tx
    .update(memberMessagingId)
    .set({ memberId: targetId, updatedAt: new Date() })
    .where(and(eq(memberMessagingId.memberId, sourceId), notInArray(memberMessagingId.channel, held)))
    .returning({ channel: memberMessagingId.channel });
  const dropped = await tx.delete(memberMessagingId).where(eq(memberMessagingId.memberId, sourceId)).returning({ channel: memberMessagingId.channel });
  for (const { channel } of moved) changes.push({ entity: 'Member', id: targetId, before: {}, after: { channelLinked: channel } });
  for (const { channel } of [...moved, ...dropped]) changes.push({ entity: 'Member', id: sourceId, before: { channelLinked: channel }, after: {} });
}

/** Members' linked app ids, LINE before WeChat. */
export function channelIdsByMemberIds(db: Db, memberIds: readonly string[]): Promise<MemberChannelIdRow[]> {
  return db.select().from(memberMessagingId).where(anyId(memberMessagingId.memberId, memberIds)).orderBy(memberMessagingId.channel);
}
