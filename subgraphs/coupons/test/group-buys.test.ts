import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { archiveCampaign, updateCampaign } from '../src/group-buys/campaigns.js';
import { expireDueGroups, placePaid, releasePlace } from '../src/group-buys/index.js';
import { groupBuyGroup, groupBuyPlace } from '../src/group-buys/tables.js';
import { makeCampaign, priceGroupBuy, takePlace, takePlaceAlone } from './group-buy-fixtures.js';

let database: TestDatabase;
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
}, 120_000);
afterAll(() => database.close());

const groupOf = async (id: string) => (await database.db.select().from(groupBuyGroup).where(eq(groupBuyGroup.id, id)))[0]!;
const groupIdOfOrder = async (orderId: string) =>
  (await database.db.select().from(groupBuyPlace).where(eq(groupBuyPlace.orderId, orderId)))[0]!.groupId;

/** A group of the campaign opened by a new leader at `at`; returns its id and the leader's order. */
async function openGroup(campaignId: string, productId: string, at: Date) {
  const orderId = randomUUID();
  const opened = await takePlaceAlone(database.db, { productId, memberId: randomUUID(), orderId, groupBuy: { openForCampaignId: campaignId }, at });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  return { groupId: await groupIdOfOrder(orderId), leaderOrderId: orderId };
}

describe('campaigns', () => {
  it('refuses a campaign without an English title, a group of one and an end before its start, all at once', async () => {
    const campaign = await makeCampaign(database.db);
    const result = await mutate(database.db, (tx, changes) =>
      updateCampaign(tx, { id: campaign.id, titles: [{ locale: 'th', text: 'ไทย' }], groupSize: 1, endsAt: new Date(campaign.startsAt.getTime() - 1) }, changes),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field?.join('.'))).toEqual(['input.titles', 'input.groupSize', 'input.endsAt']);
  });

  it('an archived campaign opens no group and cannot be changed', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { at });
    await mutate(database.db, (tx, changes) => archiveCampaign(tx, campaign.id, changes));
    const opened = await takePlaceAlone(database.db, {
      productId: campaign.productId, memberId: randomUUID(), orderId: randomUUID(), groupBuy: { openForCampaignId: campaign.id }, at,
    });
    expect(opened.ok).toBe(false);
    const changed = await mutate(database.db, (tx, changes) => updateCampaign(tx, { id: campaign.id, groupSize: 4 }, changes));
    expect(!changed.ok && changed.errors[0]!.code).toBe('INVALID_STATE');
  });
});

describe('pricing', () => {
  it('offers the group price as a GROUP_BUY unit price that combines with points and store credit only', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { at });
    const { result } = await database.db.transaction((tx) =>
      priceGroupBuy(tx, { productId: campaign.productId, memberId: randomUUID(), groupBuy: { openForCampaignId: campaign.id }, at }),
    );
    expect(result.applied).toEqual([expect.objectContaining({ ruleId: `group:new:${campaign.id}`, source: 'GROUP_BUY', amountMinor: 5_100n })]);
    expect(result.totalMinor).toBe(9_900n);
  });

  it('a guest cannot buy in a group: SIGN_IN_REQUIRED in the explanation, GROUP_BUY_SIGN_IN_REQUIRED at checkout', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { at });
    const input = { productId: campaign.productId, memberId: null, groupBuy: { openForCampaignId: campaign.id }, at };
    const { result } = await database.db.transaction((tx) => priceGroupBuy(tx, input));
    expect(result.rejected[0]!.reason.code).toBe('SIGN_IN_REQUIRED');
    const taken = await takePlaceAlone(database.db, { ...input, orderId: randomUUID() });
    expect(!taken.ok && taken.errors[0]!.code).toBe('GROUP_BUY_SIGN_IN_REQUIRED');
  });
});

describe('places', () => {
  it('a full group, an expired group and the same member twice are refused and change nothing', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { groupSize: 2, at });
    const { groupId } = await openGroup(campaign.id, campaign.productId, at);
    const member = randomUUID();
    const join = (memberId: string, when = at) =>
      takePlaceAlone(database.db, { productId: campaign.productId, memberId, orderId: randomUUID(), groupBuy: { groupId }, at: when });

    const late = await join(member, new Date(at.getTime() + 61 * MINUTE));
    expect(!late.ok && late.errors[0]!.code).toBe('GROUP_BUY_CLOSED');
    expect((await join(member)).ok).toBe(true);
    const twice = await join(member);
    expect(!twice.ok && twice.errors[0]!.code).toBe('GROUP_BUY_ALREADY_JOINED');
    const full = await join(randomUUID());
    expect(!full.ok && full.errors[0]!.code).toBe('GROUP_BUY_FULL');
    expect((await groupOf(groupId)).placesTaken).toBe(2);
  });

  it('the same member joining twice an open group is ALREADY_JOINED', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { groupSize: 5, at });
    const { groupId } = await openGroup(campaign.id, campaign.productId, at);
    const member = randomUUID();
    const join = () => takePlaceAlone(database.db, { productId: campaign.productId, memberId: member, orderId: randomUUID(), groupBuy: { groupId }, at });
    expect((await join()).ok).toBe(true);
    const again = await join();
    expect(!again.ok && again.errors[0]!.code).toBe('GROUP_BUY_ALREADY_JOINED');
    expect((await groupOf(groupId)).placesTaken).toBe(2);
  });

  it('N+5 parallel joiners of a group of N: exactly N places are taken', async () => {
    const size = 8;
    const at = new Date();
    const campaign = await makeCampaign(database.db, { groupSize: size, at });
    const { groupId } = await openGroup(campaign.id, campaign.productId, at);
    // The leader holds one place; size + 5 others race for the rest, each in its own transaction.
    const outcomes = await Promise.all(
      Array.from({ length: size + 5 }, () =>
        // Between the read of the rules and the commit another joiner may fill the group: the commit's UPDATE decides.
        mutate(database.db, (tx) => takePlace(tx, { productId: campaign.productId, memberId: randomUUID(), orderId: randomUUID(), groupBuy: { groupId }, at })),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(size - 1);
    const refused = outcomes.filter((o) => !o.ok).map((o) => (!o.ok ? o.errors[0]!.code : null));
    expect(new Set(refused)).toEqual(new Set(['GROUP_BUY_FULL']));
    expect((await groupOf(groupId)).placesTaken).toBe(size);
    expect(await database.db.$count(groupBuyPlace, eq(groupBuyPlace.groupId, groupId))).toBe(size);
  });

  it('a released place (order cancelled or expired unpaid) frees the place once; releasing again changes nothing', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { groupSize: 3, at });
    const { groupId, leaderOrderId } = await openGroup(campaign.id, campaign.productId, at);
    await database.db.transaction((tx) => releasePlace(tx, leaderOrderId));
    await database.db.transaction((tx) => releasePlace(tx, leaderOrderId));
    expect((await groupOf(groupId)).placesTaken).toBe(0);
  });
});

describe('outcomes', () => {
  it('the Nth paid member makes the group succeed and queues orders.groupBuySucceeded with every order', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { groupSize: 3, at });
    const { groupId, leaderOrderId } = await openGroup(campaign.id, campaign.productId, at);
    const others = [randomUUID(), randomUUID()];
    for (const orderId of others) {
      const joined = await takePlaceAlone(database.db, { productId: campaign.productId, memberId: randomUUID(), orderId, groupBuy: { groupId }, at });
      expect(joined.ok).toBe(true);
    }
    await database.db.transaction((tx) => placePaid(tx, leaderOrderId, at));
    await database.db.transaction((tx) => placePaid(tx, others[0]!, at));
    expect((await groupOf(groupId)).status).toBe('OPEN');
    await database.db.transaction((tx) => placePaid(tx, others[1]!, at));
    await database.db.transaction((tx) => placePaid(tx, others[1]!, at));
    const group = await groupOf(groupId);
    expect(group).toMatchObject({ status: 'SUCCEEDED', placesPaid: 3 });
    const jobs = await queuedJobs(database.db, 'orders.groupBuySucceeded', `group-buy-succeeded:${groupId}`);
    expect(jobs).toHaveLength(1);
    expect(new Set((jobs[0]!.payload as { orderIds: string[] }).orderIds)).toEqual(new Set([leaderOrderId, ...others]));
    // A place in a group that ended is not given back by a later cancellation.
    await database.db.transaction((tx) => releasePlace(tx, others[0]!));
    expect((await groupOf(groupId)).placesTaken).toBe(3);
  });

  it('a group whose time runs out fails at its deadline (fake clock) and queues orders.groupBuyFailed; not before, and once', async () => {
    const at = new Date(Date.now() - 10 * MINUTE);
    const campaign = await makeCampaign(database.db, { groupSize: 3, fillMinutes: 30, at });
    const { groupId, leaderOrderId } = await openGroup(campaign.id, campaign.productId, at);
    const joiner = randomUUID();
    await takePlaceAlone(database.db, { productId: campaign.productId, memberId: randomUUID(), orderId: joiner, groupBuy: { groupId }, at });
    await database.db.transaction((tx) => placePaid(tx, leaderOrderId, at));

    await expireDueGroups(database.db, new Date(at.getTime() + 29 * MINUTE));
    expect((await groupOf(groupId)).status).toBe('OPEN');
    await expireDueGroups(database.db, new Date(at.getTime() + 30 * MINUTE));
    await expireDueGroups(database.db, new Date(at.getTime() + 31 * MINUTE));
    expect((await groupOf(groupId)).status).toBe('FAILED');
    const jobs = await queuedJobs(database.db, 'orders.groupBuyFailed', `group-buy-failed:${groupId}`);
    expect(jobs).toHaveLength(1);
    expect(new Set((jobs[0]!.payload as { orderIds: string[] }).orderIds)).toEqual(new Set([leaderOrderId, joiner]));
    // A payment arriving after the failure sends that order to be refunded as well.
    await database.db.transaction((tx) => placePaid(tx, joiner, new Date(at.getTime() + 32 * MINUTE)));
    const late = (await queuedJobs(database.db, 'orders.groupBuyFailed')).filter((j) => j.key === null);
    expect(late.map((j) => (j.payload as { orderIds: string[] }).orderIds)).toEqual([[joiner]]);
  });

  it('opening queues the group’s own expiry at its deadline', async () => {
    const at = new Date();
    const campaign = await makeCampaign(database.db, { at, fillMinutes: 45 });
    const { groupId } = await openGroup(campaign.id, campaign.productId, at);
    expect(await queuedJobs(database.db, 'coupons.groupBuyExpire', `group-buy-expire:${groupId}`)).toHaveLength(1);
    expect((await groupOf(groupId)).expiresAt.getTime()).toBe(at.getTime() + 45 * MINUTE);
  });
});
