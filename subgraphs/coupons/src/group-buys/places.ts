// Places in groups: taken at checkout, paid, released; and how a group ends (filled, or out of time).
import { and, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import { isId, ok, type Db, type Result } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { groupBuyCampaign, groupBuyGroup, groupBuyPlace, type GroupBuyCampaignRow, type GroupBuyGroupRow } from './tables.js';
import { groupBuyFail } from '../errors/index.js';

/** Orders acts on a group's outcome; coupons never imports orders, so it queues these by name (payload: ids only). */
export const GROUP_BUY_SUCCEEDED_TASK = 'orders.groupBuySucceeded';
export const GROUP_BUY_FAILED_TASK = 'orders.groupBuyFailed';
/** Coupons' own task: a group whose time is up fails (queued at its deadline when it opens). */
export const GROUP_BUY_EXPIRE_TASK = 'coupons.groupBuyExpire';
/** The safety net on a clock: any open group past its deadline fails, should its own job have been lost. */
export const GROUP_BUY_SWEEP_TASK = 'coupons.groupBuysExpireDue';

export type PlaceErrorCode =
  | 'GROUP_BUY_NOT_FOUND'
  | 'GROUP_BUY_FULL'
  | 'GROUP_BUY_CLOSED'
  | 'GROUP_BUY_ALREADY_JOINED'
  | 'GROUP_BUY_SIGN_IN_REQUIRED'
  | 'GROUP_BUY_NOT_APPLIED';

const FIELD = ['input', 'groupBuy'];

/** Open a new group for a campaign, or join an existing one, as the checkout input says. */
export type GroupBuyChoice = { groupId: string } | { openForCampaignId: string } | { openForProductId: string };

/** The campaign a product is offered in at `at` (the newest if several overlap). */
export async function activeCampaignForProduct(tx: Db, productId: string, at: Date): Promise<GroupBuyCampaignRow | null> {
  if (!isId(productId)) return null;
  const [row] = await tx
    .select()
    .from(groupBuyCampaign)
    .where(
      and(
        eq(groupBuyCampaign.productId, productId),
        sql`${groupBuyCampaign.archivedAt} is null`,
        lte(groupBuyCampaign.startsAt, at),
        gt(groupBuyCampaign.endsAt, at),
      ),
    )
    .orderBy(sql`${groupBuyCampaign.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

export async function campaignById(tx: Db, id: string): Promise<GroupBuyCampaignRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select().from(groupBuyCampaign).where(eq(groupBuyCampaign.id, id));
  return row ?? null;
}

export async function groupWithCampaign(tx: Db, groupId: string): Promise<{ group: GroupBuyGroupRow; campaign: GroupBuyCampaignRow } | null> {
  if (!isId(groupId)) return null;
  const [row] = await tx
    .select({ group: groupBuyGroup, campaign: groupBuyCampaign })
    .from(groupBuyGroup)
    .innerJoin(groupBuyCampaign, eq(groupBuyCampaign.id, groupBuyGroup.campaignId))
    .where(eq(groupBuyGroup.id, groupId));
  return row ?? null;
}

/** Whether the member already holds a place (not released) in the group. */
export async function holdsPlace(tx: Db, groupId: string, memberId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: groupBuyPlace.id })
    .from(groupBuyPlace)
    .where(and(eq(groupBuyPlace.groupId, groupId), eq(groupBuyPlace.memberId, memberId), ne(groupBuyPlace.status, 'RELEASED')));
  return !!row;
}

/** Until when a group opened at `at` may fill: its campaign's time limit, never past the campaign's end. */
export function deadlineOf(campaign: GroupBuyCampaignRow, at: Date): Date {
  const limit = at.getTime() + campaign.fillMinutes * 60_000;
  return new Date(Math.min(limit, campaign.endsAt.getTime()));
}

/**
 * Opens a group with the member as leader and their order's place, in the
 * checkout's `tx`, and queues its expiry at the deadline.
 */
export async function openGroup(
  tx: Db,
  input: { campaign: GroupBuyCampaignRow; memberId: string; orderId: string; at: Date },
): Promise<Result<GroupBuyGroupRow, PlaceErrorCode>> {
  const { campaign, at } = input;
  if (campaign.archivedAt || at < campaign.startsAt || at >= campaign.endsAt) {
    return groupBuyFail('GROUP_BUY_CLOSED:notRunning', FIELD);
  }
  const [group] = await tx
    .insert(groupBuyGroup)
    .values({
      campaignId: campaign.id,
      leaderMemberId: input.memberId,
      size: campaign.groupSize,
      placesTaken: 1,
      expiresAt: deadlineOf(campaign, at),
      createdAt: at,
    })
    .returning();
  await tx.insert(groupBuyPlace).values({ groupId: group!.id, memberId: input.memberId, orderId: input.orderId, takenAt: at });
  await enqueue(tx, GROUP_BUY_EXPIRE_TASK, { groupId: group!.id }, { jobKey: `group-buy-expire:${group!.id}`, runAt: group!.expiresAt });
  return ok(group!);
}

/**
 * Takes a place in an open group for the member's order, in the checkout's
 * `tx`. One conditional UPDATE is the serialisation point: it counts the place
 * only while the group is open, in time and not full, and holds the group's row
 * lock to the commit, so parallel joiners fill a group of N with exactly N.
 */
export async function joinGroup(
  tx: Db,
  input: { groupId: string; memberId: string; orderId: string; at: Date },
): Promise<Result<GroupBuyGroupRow, PlaceErrorCode>> {
  if (!isId(input.groupId)) return groupBuyFail('GROUP_BUY_NOT_FOUND:group', FIELD);
  const [group] = await tx
    .update(groupBuyGroup)
    .set({ placesTaken: sql`${groupBuyGroup.placesTaken} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(groupBuyGroup.id, input.groupId),
        eq(groupBuyGroup.status, 'OPEN'),
        gt(groupBuyGroup.expiresAt, input.at),
        sql`${groupBuyGroup.placesTaken} < ${groupBuyGroup.size}`,
      ),
    )
    .returning();
  if (!group) {
    const [current] = await tx.select().from(groupBuyGroup).where(eq(groupBuyGroup.id, input.groupId));
    if (!current) return groupBuyFail('GROUP_BUY_NOT_FOUND:group', FIELD);
    if (current.status !== 'OPEN' || current.expiresAt <= input.at) return groupBuyFail('GROUP_BUY_CLOSED:group', FIELD);
    return groupBuyFail('GROUP_BUY_FULL:size', FIELD, { size: current.size });
  }
  // Under the group's row lock: a member's parallel checkouts into one group are serialised here.
  if (await holdsPlace(tx, group.id, input.memberId)) {
    return groupBuyFail('GROUP_BUY_ALREADY_JOINED', FIELD);
  }
  await tx.insert(groupBuyPlace).values({ groupId: group.id, memberId: input.memberId, orderId: input.orderId, takenAt: input.at });
  return ok(group);
}

async function lockGroup(tx: Db, groupId: string): Promise<GroupBuyGroupRow | null> {
  const [row] = await tx.select().from(groupBuyGroup).where(eq(groupBuyGroup.id, groupId)).for('update');
  return row ?? null;
}

async function placeOfOrder(tx: Db, orderId: string) {
  if (!isId(orderId)) return null;
  const [row] = await tx.select().from(groupBuyPlace).where(eq(groupBuyPlace.orderId, orderId));
  return row ?? null;
}

/** Orders holding a place (taken or paid) in the group. */
async function orderIdsOf(tx: Db, groupId: string, statuses: ('TAKEN' | 'PAID')[]): Promise<string[]> {
  const rows = await tx
    .select({ orderId: groupBuyPlace.orderId })
    .from(groupBuyPlace)
    .where(and(eq(groupBuyPlace.groupId, groupId), inArray(groupBuyPlace.status, statuses)))
    .orderBy(groupBuyPlace.takenAt);
  return rows.map((r) => r.orderId);
}

/**
 * Gives an order's place back while its group is still open (the order was
 * cancelled or expired unpaid), in the caller's `tx`. A place in a group that
 * already ended stays as it was (the outcome jobs deal with those orders).
 * Idempotent: an order without a place, or with a released one, changes nothing.
 */
export async function releasePlace(tx: Db, orderId: string): Promise<void> {
  const place = await placeOfOrder(tx, orderId);
  if (!place || place.status === 'RELEASED') return;
  const group = await lockGroup(tx, place.groupId);
  if (group?.status !== 'OPEN') return;
  const [released] = await tx
    .update(groupBuyPlace)
    .set({ status: 'RELEASED', releasedAt: sql`now()` })
    .where(and(eq(groupBuyPlace.id, place.id), ne(groupBuyPlace.status, 'RELEASED')))
    .returning();
  if (!released) return;
  await tx
    .update(groupBuyGroup)
    .set({
      placesTaken: sql`${groupBuyGroup.placesTaken} - 1`,
      placesPaid: place.status === 'PAID' ? sql`${groupBuyGroup.placesPaid} - 1` : groupBuyGroup.placesPaid,
      updatedAt: sql`now()`,
    })
    .where(eq(groupBuyGroup.id, group.id));
}

/**
 * An order holding a place was paid (orders calls this in the transaction
 * that marks it PAID). The group's Nth paid place makes it succeed: orders is
 * told to let every member's order proceed. A payment that arrives after the
 * group failed sends that order to be refunded too. Idempotent.
 */
export async function placePaid(tx: Db, orderId: string, at: Date = new Date()): Promise<void> {
  const place = await placeOfOrder(tx, orderId);
  if (!place || place.status !== 'TAKEN') return;
  const group = await lockGroup(tx, place.groupId);
  if (!group) return;
  if (group.status === 'FAILED') {
    await enqueue(tx, GROUP_BUY_FAILED_TASK, { groupId: group.id, orderIds: [orderId] });
    return;
  }
  if (group.status !== 'OPEN') return;
  await tx.update(groupBuyPlace).set({ status: 'PAID', paidAt: at }).where(eq(groupBuyPlace.id, place.id));
  const [updated] = await tx
    .update(groupBuyGroup)
    .set({ placesPaid: sql`${groupBuyGroup.placesPaid} + 1`, updatedAt: sql`now()` })
    .where(eq(groupBuyGroup.id, group.id))
    .returning();
  if (updated!.placesPaid < updated!.size) return;
  await tx.update(groupBuyGroup).set({ status: 'SUCCEEDED', closedAt: at }).where(eq(groupBuyGroup.id, group.id));
  await enqueue(
    tx,
    GROUP_BUY_SUCCEEDED_TASK,
    { groupId: group.id, orderIds: await orderIdsOf(tx, group.id, ['PAID']) },
    { jobKey: `group-buy-succeeded:${group.id}` },
  );
}

/**
 * Ends a group whose time is up without its N paid members: FAILED, and orders
 * is told to cancel (and refund) every order still holding a place. A group
 * that is not open, or not yet due at `now`, is left alone, so the job may run
 * twice or early.
 */
export async function expireGroup(tx: Db, groupId: string, now: Date): Promise<boolean> {
  if (!isId(groupId)) return false;
  const group = await lockGroup(tx, groupId);
  if (group?.status !== 'OPEN' || group.expiresAt > now) return false;
  await tx.update(groupBuyGroup).set({ status: 'FAILED', closedAt: now, updatedAt: sql`now()` }).where(eq(groupBuyGroup.id, group.id));
  const orderIds = await orderIdsOf(tx, group.id, ['TAKEN', 'PAID']);
  if (orderIds.length) await enqueue(tx, GROUP_BUY_FAILED_TASK, { groupId: group.id, orderIds }, { jobKey: `group-buy-failed:${group.id}` });
  return true;
}

/** Open groups past their deadline at `now`, at most `limit`, oldest deadline first. */
export async function dueGroupIds(tx: Db, now: Date, limit = 500): Promise<string[]> {
  const rows = await tx
    .select({ id: groupBuyGroup.id })
    .from(groupBuyGroup)
    .where(and(eq(groupBuyGroup.status, 'OPEN'), lte(groupBuyGroup.expiresAt, now)))
    .orderBy(groupBuyGroup.expiresAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
