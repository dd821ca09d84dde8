import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { shopToday } from '@shop/kit/shop-time';
import type { Scope } from '../../schema/scopes.js';
import { signInAll, type Caller } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

/** Each to-do and stock tile, the scope it needs, and the list whose totalCount it must equal. */
const TILES: { field: string; selection: string; scope: Scope; list?: { query: string; path: string[] } }[] = [
  { field: 'unpaidOrders', selection: 'unpaidOrders', scope: 'orders:read', list: { query: '{ orders(first: 1, filter: { status: [PENDING_PAYMENT] }) { totalCount } }', path: ['orders'] } },
  { field: 'toShipToday', selection: 'toShipToday', scope: 'orders:read', list: { query: '{ fulfilmentQueue(first: 1) { totalCount } }', path: ['fulfilmentQueue'] } },
  { field: 'flaggedOrders', selection: 'flaggedOrders', scope: 'orders:read_internal', list: { query: '{ orders(first: 1, filter: { flagged: true }) { totalCount } }', path: ['orders'] } },
  { field: 'deliveryExceptionsOpen', selection: 'deliveryExceptionsOpen', scope: 'orders:read', list: { query: '{ deliveryExceptions(first: 1, status: OPEN) { totalCount } }', path: ['deliveryExceptions'] } },
  { field: 'afterSalesWaiting', selection: 'afterSalesWaiting', scope: 'orders:read', list: { query: '{ returnRequests(first: 1, filter: { status: [REQUESTED, RECEIVED] }) { totalCount } }', path: ['returnRequests'] } },
  { field: 'lowStockVariants', selection: 'lowStockVariants', scope: 'stock:read', list: { query: '{ stockLevels(first: 1, filter: { lowStockOnly: true }) { totalCount } }', path: ['stockLevels'] } },
  { field: 'stockCover', selection: 'stockCover(first: 3) { variantId sku available dailyVelocity daysLeft }', scope: 'stock:read' },
  { field: 'followUpsDue', selection: 'followUpsDue', scope: 'members:read', list: { query: '{ contactFollowUpsDue(first: 1) { totalCount } }', path: ['contactFollowUpsDue'] } },
  { field: 'salesToday', selection: 'salesToday { gmv { amount currencyCode } orders previousGmv { amount } previousOrders }', scope: 'reports:read' },
  { field: 'salesThisWeek', selection: 'salesThisWeek { gmv { amount } orders previousGmv { amount } previousOrders }', scope: 'reports:read' },
  { field: 'gmvTrend', selection: 'gmvTrend(days: 7) { day gmv { amount } previousGmv { amount } }', scope: 'reports:read' },
  { field: 'channelSplit', selection: 'channelSplit { key gmv { amount } orders }', scope: 'reports:read' },
  { field: 'topProducts', selection: 'topProducts(first: 3) { productId title unitsSold gmv { amount } }', scope: 'reports:read' },
  { field: 'slowMovers', selection: 'slowMovers(first: 3) { productId title unitsSold gmv { amount } }', scope: 'reports:read' },
];

const DASHBOARD = `{ dashboard { id ${TILES.map((t) => t.selection).join(' ')} } }`;

const denied = (body: any, path: string[]) =>
  (body.errors ?? []).some((e: any) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code) && path.join('.').startsWith((e.path ?? []).join('.')));

describe.each(['in-process', 'distributed'] as const)('home dashboard (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let callers: Caller[];
  let owner: Caller;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    callers = await signInAll(gateway);
    owner = callers.find((c) => c.name === 'owner')!;
  }, 300_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  const dashboard = async (caller: Caller) => (await gateway.query(DASHBOARD, undefined, caller.headers)).body;

  /** Each tile as the owner reads it beside its list's totalCount. */
  async function tilesAndLists() {
    const body = await dashboard(owner);
    expect(body.errors).toBeUndefined();
    const pairs: Record<string, { tile: number; list: number }> = {};
    for (const tile of TILES.filter((t) => t.list)) {
      const list = (await gateway.query(tile.list!.query, undefined, owner.headers)).body;
      expect(list.errors).toBeUndefined();
      pairs[tile.field] = { tile: body.data.dashboard[tile.field], list: list.data[tile.list!.path[0]!].totalCount };
    }
    return pairs;
  }

  it('every caller × tile: staff see exactly the tiles their scopes allow; others get no dashboard', async () => {
    const mismatches: string[] = [];
    for (const caller of callers) {
      const body = await dashboard(caller);
      if (caller.principalKind !== 'staff') {
        if (body.data?.dashboard != null || !denied(body, ['dashboard'])) mismatches.push(`${caller.name}: expected no dashboard, got ${JSON.stringify(body).slice(0, 200)}`);
        continue;
      }
      if (body.data?.dashboard?.id !== 'shop') mismatches.push(`${caller.name}: no dashboard: ${JSON.stringify(body).slice(0, 200)}`);
      for (const tile of TILES) {
        const expected = caller.scopes.includes(tile.scope);
        const value = body.data?.dashboard?.[tile.field];
        const actual = value != null && !denied(body, ['dashboard', tile.field]);
        if (actual !== expected || (!expected && !denied(body, ['dashboard', tile.field]))) {
          mismatches.push(`${caller.name} × ${tile.field}: expected ${expected ? 'a value' : 'FORBIDDEN'}, got ${JSON.stringify(value)}`);
        }
      }
    }
    console.log(`[${mode}] dashboard matrix: ${callers.length} callers × ${TILES.length} tiles, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });

  it('each to-do count equals the totalCount of the filtered list it links to, before and after the data moves', async () => {
    const before = await tilesAndLists();
    for (const [field, { tile, list }] of Object.entries(before)) expect(tile, field).toBe(list);

    const db = database.db;
    // Two paid orders back to unpaid, one held (flagged), one level down to its reorder point, one follow-up due
    // today, one return request waiting and one parcel undelivered.
    await db.execute(sql`update orders."order" set status = 'PENDING_PAYMENT'
      where id in (select id from orders."order" where status = 'PAID' order by created_at limit 2)`);
    await db.execute(sql`insert into orders.order_flag (order_id, reason, stage, message, raised_by)
      select id, 'MANUAL_HOLD', 'MANUAL', 'Check the address', 'test' from orders."order" where status = 'PAID' order by created_at limit 1`);
    await db.execute(sql`update stock.level set reorder_point = on_hand - reserved
      where id = (select id from stock.level where on_hand - reserved > reorder_point order by id limit 1)`);
    await db.execute(sql`insert into members.contact_log_entry (member_id, channel, staff_id, summary, follow_up_on)
      select id, 'CALL', ${'00000000-0000-4000-8000-0000000000aa'}, 'Call back', ${shopToday()}::date from members.member order by id limit 1`);
    await db.execute(sql`insert into orders.return_request (number, order_id, member_id, kind, reason_code, opened_by, currency_code)
      select 'R-' || number || '-1', id, member_id, 'RETURN', 'QUALITY_DEFECT', 'STAFF', currency_code
      from orders."order" where status in ('SHIPPED', 'DELIVERED', 'COMPLETED') order by created_at limit 1`);
    await db.execute(sql`with parcel as (insert into orders.shipment (order_id, number, warehouse_id, carrier_code, status)
        select o.id, 'S-' || o.number || '-9', gen_random_uuid(), (select code from orders.carrier limit 1), 'SHIPPED'
        from orders."order" o where o.status = 'SHIPPED' order by o.created_at limit 1 returning id)
      insert into orders.delivery_exception (shipment_id, kind) select id, 'FAILED_DELIVERY' from parcel`);

    const after = await tilesAndLists();
    for (const [field, { tile, list }] of Object.entries(after)) expect(tile, field).toBe(list);
    expect(after.unpaidOrders!.tile).toBe(before.unpaidOrders!.tile + 2);
    expect(after.lowStockVariants!.tile).toBe(before.lowStockVariants!.tile + 1);
    expect(after.followUpsDue!.tile).toBe(before.followUpsDue!.tile + 1);
    expect(after.flaggedOrders!.tile).toBe(before.flaggedOrders!.tile + 1);
    expect(after.toShipToday!.tile).toBe(before.toShipToday!.tile - 3);
    expect(after.afterSalesWaiting!.tile).toBe(before.afterSalesWaiting!.tile + 1);
    expect(after.deliveryExceptionsOpen!.tile).toBe(before.deliveryExceptionsOpen!.tile + 1);
    console.log(`[${mode}] dashboard counts before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
  });

  it('stockCover refuses a first outside 1..100 with BAD_USER_INPUT', async () => {
    for (const first of [0, 101]) {
      const { body } = await gateway.query(`{ dashboard { stockCover(first: ${first}) { variantId } } }`, undefined, owner.headers);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.data.dashboard.stockCover).toBeNull();
    }
  });
});
