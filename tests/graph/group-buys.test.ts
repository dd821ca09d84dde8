import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { takePlaceAlone } from '../../subgraphs/coupons/test/group-buy-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { DEMO_CUSTOMER, marketingCallers } from '../kit/callers.js';

const CREATE = `mutation ($input: GroupBuyCampaignCreateInput!) {
  groupBuyCampaignCreate(input: $input) { campaign { id title titles { locale text } status groupSize groupPrice { amount currencyCode } product { id title } } userErrors { field code message } }
}`;
const ARCHIVE = `mutation ($input: GroupBuyCampaignArchiveInput!) { groupBuyCampaignArchive(input: $input) { campaign { status } userErrors { code } } }`;
const CAMPAIGNS = `query { groupBuyCampaigns(first: 5, filter: { status: ACTIVE }) { totalCount edges { node { id groupCounts { open succeeded failed } } } } }`;
const SHARED = `query ($id: ID!) { groupBuy(id: $id) { id title product { id title } groupPrice { amount currencyCode } status size joined placesLeft secondsLeft expiresAt } }`;
const SHARED_CAMPAIGN = `query ($id: ID!) { groupBuy(id: $id) { id campaign { id } } }`;
const MONITOR = `query ($campaignId: ID!) { groupBuyGroups(first: 10, filter: { campaignId: $campaignId, status: OPEN }) { totalCount edges { node { id joined size } } } }`;
const MINE = `query { myGroupBuys(first: 10) { totalCount edges { node { id joined } } } }`;

const HOUR = 3_600_000;

let database: TestDatabase;
let productId: string;
let customerId: string;

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  const [product] = await database.db.execute<{ id: string }>(sql`select id from products.product where status = 'ACTIVE' order by id limit 1`);
  productId = product!.id;
  const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
  customerId = member!.id;
}, 300_000);
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('group buys through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let marketing: Record<string, string>;
  let analyst: Record<string, string>;
  let customer: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    ({ marketing, analyst, customer } = await marketingCallers(gateway));
  }, 120_000);
  afterAll(() => gateway?.stop());

  const input = () => ({
    productId,
    titles: [
      { locale: 'en', text: 'Team up and save' },
      { locale: 'th', text: 'รวมกลุ่มซื้อถูกกว่า' },
    ],
    groupPrice: { amount: '99.00', currencyCode: 'THB' },
    groupSize: 3,
    fillMinutes: 60,
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
  });

  it('marketing creates a campaign; an analyst (marketing:read only) may list but not create; anonymous may not list', async () => {
    const { body } = await gateway.query(CREATE, { input: input() }, { ...marketing, 'accept-language': 'th' });
    expect(body.data.groupBuyCampaignCreate).toMatchObject({
      userErrors: [],
      campaign: { title: 'รวมกลุ่มซื้อถูกกว่า', status: 'ACTIVE', groupSize: 3, groupPrice: { amount: '99.00', currencyCode: 'THB' }, product: { id: productId } },
    });
    expect(body.data.groupBuyCampaignCreate.campaign.product.title).toBeTruthy();
    const refused = await gateway.query(CREATE, { input: input() }, analyst);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.query(CAMPAIGNS, {}, analyst)).body.data.groupBuyCampaigns.totalCount).toBeGreaterThan(0);
    const anonymous = await gateway.query(CAMPAIGNS, {});
    expect(anonymous.body.data?.groupBuyCampaigns ?? null).toBeNull();
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('anyone with the link sees the group (product, price, places, time left) but not its campaign; the member sees it among their own', async () => {
    const { body } = await gateway.query(CREATE, { input: input() }, marketing);
    const campaignId = body.data.groupBuyCampaignCreate.campaign.id;
    const orderId = randomUUID();
    const opened = await takePlaceAlone(database.db, { productId, memberId: customerId, orderId, groupBuy: { openForCampaignId: campaignId }, at: new Date() });
    expect(opened.ok).toBe(true);
    const [place] = await database.db.execute<{ group_id: string }>(sql`select group_id from coupons.group_buy_place where order_id = ${orderId}`);
    const groupId = place!.group_id;

    const shared = await gateway.query(SHARED, { id: groupId }, { 'accept-language': 'th-TH,en;q=0.5' });
    expect(shared.body.errors).toBeUndefined();
    expect(shared.body.data.groupBuy).toMatchObject({
      id: groupId,
      title: 'รวมกลุ่มซื้อถูกกว่า',
      product: { id: productId },
      groupPrice: { amount: '99.00', currencyCode: 'THB' },
      status: 'OPEN',
      size: 3,
      joined: 1,
      placesLeft: 2,
    });
    expect(shared.body.data.groupBuy.secondsLeft).toBeGreaterThan(3500);
    const hidden = await gateway.query(SHARED_CAMPAIGN, { id: groupId });
    expect(hidden.body.data.groupBuy).toEqual({ id: groupId, campaign: null });
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.query(SHARED, { id: randomUUID() })).body.data.groupBuy).toBeNull();

    const monitor = await gateway.query(MONITOR, { campaignId }, analyst);
    expect(monitor.body.data.groupBuyGroups).toMatchObject({ totalCount: 1, edges: [{ node: { id: groupId, joined: 1, size: 3 } }] });
    const mine = await gateway.query(MINE, {}, customer);
    expect(mine.body.data.myGroupBuys.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(groupId);
    expect((await gateway.query(MINE, {}, analyst)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const archived = await gateway.query(ARCHIVE, { input: { id: campaignId } }, marketing);
    expect(archived.body.data.groupBuyCampaignArchive).toEqual({ campaign: { status: 'ARCHIVED' }, userErrors: [] });
  });
});
