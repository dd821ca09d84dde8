// Reading groups: the console's monitor, the shareable link's view and a customer's own groups.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { anyId, connectionOf, isId, type ConnectionArgs, type Db } from '@shop/kit';
import { groupBuyGroup, groupBuyPlace, type GroupBuyGroupRow, type GroupBuyGroupStatus } from './tables.js';

export interface GroupFilter {
  campaignId?: string | null;
  status?: GroupBuyGroupStatus | null;
}

function groupsConnection(tx: Db, args: ConnectionArgs, filter: SQL | undefined) {
  return connectionOf(args, {
    sort: groupBuyGroup.createdAt,
    id: groupBuyGroup.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(groupBuyGroup).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row: GroupBuyGroupRow) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: () => tx.$count(groupBuyGroup, filter),
  });
}

/** Groups, newest first, of one campaign and/or in one state. `tx` may be the pool. */
export function listGroups(tx: Db, args: ConnectionArgs & { filter?: GroupFilter | null }) {
  const conditions: SQL[] = [];
  const campaignId = args.filter?.campaignId;
  if (campaignId) conditions.push(isId(campaignId) ? eq(groupBuyGroup.campaignId, campaignId) : sql`false`);
  if (args.filter?.status) conditions.push(eq(groupBuyGroup.status, args.filter.status));
  return groupsConnection(tx, args, conditions.length ? and(...conditions) : undefined);
}

/** Groups the member holds a place in (a released place no longer counts), newest first. */
export function memberGroups(tx: Db, memberId: string, args: ConnectionArgs) {
  const held = sql`exists (select 1 from ${groupBuyPlace} where ${groupBuyPlace.groupId} = ${groupBuyGroup.id}
    and ${groupBuyPlace.memberId} = ${memberId} and ${groupBuyPlace.status} <> 'RELEASED')`;
  return groupsConnection(tx, args, held);
}

export function groupsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(groupBuyGroup).where(anyId(groupBuyGroup.id, ids));
}

/** Open, succeeded and failed groups of many campaigns in one query. */
export async function groupCountsByCampaignIds(tx: Db, campaignIds: readonly string[]) {
  const rows = await tx
    .select({
      campaignId: groupBuyGroup.campaignId,
      open: sql<number>`count(*) filter (where ${groupBuyGroup.status} = 'OPEN')::int`,
      succeeded: sql<number>`count(*) filter (where ${groupBuyGroup.status} = 'SUCCEEDED')::int`,
      failed: sql<number>`count(*) filter (where ${groupBuyGroup.status} = 'FAILED')::int`,
    })
    .from(groupBuyGroup)
    .where(anyId(groupBuyGroup.campaignId, campaignIds))
    .groupBy(groupBuyGroup.campaignId);
  return rows;
}

/** Seconds a group has left to fill at `now`; 0 once it closed or its time is up. */
export function secondsLeft(row: GroupBuyGroupRow, now: Date): number {
  if (row.status !== 'OPEN') return 0;
  return Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000));
}
