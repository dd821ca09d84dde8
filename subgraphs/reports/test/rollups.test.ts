// Roll-ups equal the truth: random facts (versions out of order, jobs twice, late refunds) against random reports.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { SOURCE_DIMENSIONS, MEASURE_SOURCE, METRICS, type Measure, type ReportDimension, type ReportMetric } from '../src/catalog/index.js';
import { runReport, type ReportQuery, type ReportResult } from '../src/engine/index.js';
import { comparisonRange, timeKey, type DayRange } from '../src/engine/periods.js';
import { metricValue } from '../src/engine/values.js';
import { recordOrder, recordRefund, recordTraffic } from '../src/facts/service.js';
import { ROLLUP_DAY_TASK, rebuildRollups, rollupDay } from '../src/rollups/service.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ANALYST: Principal = { kind: 'partner', apiKeyId: 'test', scopes: ['reports:read', 'marketing:read'] };

/** A seeded generator, so a failure can be replayed from the seed the test prints. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = int(0, i);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  return { next, int, pick, shuffle };
}

const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN_DAYS = 90;
const CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'POINT_OF_SALE'];
const REGIONS = ['TH-Bangkok', 'TH-Chiang Mai', 'CN', null];
const STATUSES = ['PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'CLOSED'];
const SOURCES = ['', 'line', 'facebook'];
const CAMPAIGNS = ['', 'newyear', 'songkran'];

interface OrderVersion {
  orderId: string; placedAt: string; updatedAt: string; status: string; totalMinor: string; currencyCode: string;
  couponDiscountMinor: string; promotionDiscountMinor: string; channel: string; memberId: string | null; region: string | null;
  lines: { lineId: string; productId: string | null; variantId: string; quantity: number; netMinor: string }[];
}
interface Refund { refundId: string; orderId: string; refundedAt: string; amountMinor: string; currencyCode: string; channel: string; memberId: string | null; region: string | null }
interface TrafficBatch { batchId: string; rows: { day: string; source: string; campaign: string; visitorHash: string; pageViews: number }[] }

function makeWorld(seed: number) {
  const g = generator(seed);
  const members = Array.from({ length: 25 }, () => randomUUID());
  const products = Array.from({ length: 6 }, () => randomUUID());
  const versions: OrderVersion[] = [];
  const finals = new Map<string, OrderVersion>();
  for (let i = 0; i < 260; i++) {
    const orderId = randomUUID();
    const placed = START + g.int(0, SPAN_DAYS * 86_400 - 1) * 1000;
    const base = {
      orderId, placedAt: new Date(placed).toISOString(), currencyCode: g.next() < 0.9 ? 'THB' : 'USD',
      channel: g.pick(CHANNELS), memberId: g.next() < 0.7 ? g.pick(members) : null, region: g.pick(REGIONS),
      couponDiscountMinor: String(g.pick([0, 0, 500, 1000])), promotionDiscountMinor: String(g.pick([0, 250])),
      lines: Array.from({ length: g.int(1, 3) }, () => ({
        lineId: randomUUID(), productId: g.next() < 0.9 ? g.pick(products) : null, variantId: randomUUID(),
        quantity: g.int(1, 4), netMinor: String(g.int(100, 50_000)),
      })),
    };
    const count = g.int(1, 3);
    for (let v = 0; v < count; v++) {
      const version = { ...base, updatedAt: new Date(placed + (v + 1) * 60_000).toISOString(), status: g.pick(STATUSES), totalMinor: String(g.int(100, 200_000)) };
      versions.push(version);
      finals.set(orderId, version);
    }
  }
  const orderList = [...finals.values()];
  const refunds: Refund[] = Array.from({ length: 70 }, () => {
    const order = g.pick(orderList);
    // Refunds up to 60 days after the order: many land in a later month than the sale.
    const refundedAt = Date.parse(order.placedAt) + g.int(0, 60 * 86_400) * 1000;
    return { refundId: randomUUID(), orderId: order.orderId, refundedAt: new Date(refundedAt).toISOString(), amountMinor: String(g.int(100, 20_000)), currencyCode: order.currencyCode, channel: order.channel, memberId: order.memberId, region: order.region };
  });
  const visitors = Array.from({ length: 15 }, () => randomUUID());
  const traffic: TrafficBatch[] = Array.from({ length: 50 }, () => ({
    batchId: randomUUID(),
    rows: Array.from({ length: g.int(1, 4) }, () => ({
      day: shopToday(new Date(START + g.int(0, SPAN_DAYS - 1) * 86_400_000 + 43_200_000)),
      source: g.pick(SOURCES), campaign: g.pick(CAMPAIGNS), visitorHash: g.pick(visitors), pageViews: g.int(0, 6),
    })).filter((row, index, rows) => rows.findIndex((r) => r.day === row.day && r.source === row.source && r.campaign === row.campaign) === index),
  }));
  return { g, versions, finals, refunds, traffic, products };
}

/** Runs every queued roll-up job, as the worker would, and removes them from the queue. */
async function runQueuedRollups() {
  const jobs = await queuedJobs(database.db, ROLLUP_DAY_TASK);
  for (const job of jobs) await rollupDay(database.db, job.payload);
  await database.db.execute(sql`delete from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = ${ROLLUP_DAY_TASK})`);
  return jobs.length;
}

/** The truth, computed in memory from what the other domains last said (no roll-up, no engine). */
function truthOf(world: ReturnType<typeof makeWorld>) {
  const counted = [...world.finals.values()].filter((o) => o.status !== 'CANCELLED' && o.status !== 'CLOSED');
  const firstOf = new Map<string, OrderVersion>();
  for (const order of [...counted].sort((a, b) => a.placedAt.localeCompare(b.placedAt) || a.orderId.localeCompare(b.orderId))) {
    if (order.memberId && !firstOf.has(order.memberId)) firstOf.set(order.memberId, order);
  }
  const countedIds = new Set(counted.map((o) => o.orderId));
  type Fact = { kind: 'order' | 'refund' | 'line' | 'traffic'; day: string; currency: string | null; keys: Partial<Record<ReportDimension, string>>; add: Partial<Record<Measure, bigint>>; member?: string; session?: string; visitor?: string };
  const facts: Fact[] = [];
  const salesKeys = (o: { channel: string; region: string | null }) => ({ CHANNEL: o.channel, WAREHOUSE: '', REGION: o.region ?? '', MEMBER_TIER: '' });
  for (const o of counted) {
    const day = shopToday(new Date(o.placedAt));
    facts.push({ kind: 'order', day, currency: o.currencyCode, keys: salesKeys(o), member: o.memberId ?? undefined, add: {
      orders: 1n, gmvMinor: BigInt(o.totalMinor), couponMinor: BigInt(o.couponDiscountMinor), promotionMinor: BigInt(o.promotionDiscountMinor),
      newMembers: o.memberId && firstOf.get(o.memberId) === o ? 1n : 0n,
    } });
    for (const line of o.lines) {
      facts.push({ kind: 'line', day, currency: o.currencyCode, keys: { ...salesKeys(o), PRODUCT: line.productId ?? '' }, add: { units: BigInt(line.quantity), lineRevenueMinor: BigInt(line.netMinor) } });
    }
  }
  for (const r of world.refunds) {
    if (!countedIds.has(r.orderId)) continue;
    facts.push({ kind: 'refund', day: shopToday(new Date(r.refundedAt)), currency: r.currencyCode, keys: salesKeys(r), add: { refundMinor: BigInt(r.amountMinor) } });
  }
  for (const batch of world.traffic) {
    for (const row of batch.rows) {
      facts.push({ kind: 'traffic', day: row.day, currency: null, keys: { TRAFFIC_SOURCE: row.source, CAMPAIGN: row.campaign }, add: { pageViews: BigInt(row.pageViews) }, visitor: row.visitorHash, session: `${row.day}/${row.visitorHash}` });
    }
  }

  /** Measures per key tuple (and '*' for the totals) of a query over a range. */
  return (query: ReportQuery, range: DayRange, byProduct: boolean) => {
    const groups = new Map<string, { sums: Partial<Record<Measure, bigint>>; members: Set<string>; visitors: Set<string>; sessions: Set<string> }>();
    const dims = query.dimensions ?? [];
    const keyOf = (fact: Fact, dimension: ReportDimension) =>
      dimension === 'DAY' || dimension === 'WEEK' || dimension === 'MONTH' ? timeKey(dimension, fact.day) : fact.keys[dimension];
    // The engine has a row where a source it reads has facts: only those facts make groups.
    const sources = new Set(query.metrics.flatMap((metric) => METRICS[metric].needs.map((m) => MEASURE_SOURCE[m === 'gmvMinor' && byProduct ? 'lineRevenueMinor' : m])));
    const read = (fact: Fact) =>
      fact.kind === 'order' ? sources.has('sales') || (sources.has('members') && fact.member !== undefined)
        : fact.kind === 'refund' ? sources.has('sales')
          : fact.kind === 'line' ? sources.has('products') : sources.has('traffic');
    for (const fact of facts) {
      if (!read(fact)) continue;
      if (fact.day < range.from || fact.day > range.to) continue;
      if (fact.currency !== null && fact.currency !== (query.currencyCode ?? 'THB')) continue;
      if ((query.filters ?? []).some((f) => !f.values.includes(keyOf(fact, f.dimension) ?? '\u0000'))) continue;
      const keys = dims.map((d) => keyOf(fact, d));
      if (keys.some((k) => k === undefined)) continue;
      for (const id of [JSON.stringify(keys), '*']) {
        const group = groups.get(id) ?? { sums: {}, members: new Set(), visitors: new Set(), sessions: new Set() };
        for (const [measure, value] of Object.entries(fact.add) as [Measure, bigint][]) group.sums[measure] = (group.sums[measure] ?? 0n) + value;
        if (fact.member && fact.add.orders) group.members.add(fact.member);
        if (fact.visitor) group.visitors.add(fact.visitor);
        if (fact.session) group.sessions.add(fact.session);
        groups.set(id, group);
      }
    }
    const values = new Map<string, (string | null)[]>();
    for (const [id, group] of groups) {
      const measures = { ...group.sums, payingMembers: BigInt(group.members.size), visitors: BigInt(group.visitors.size), sessions: BigInt(group.sessions.size) };
      values.set(id, query.metrics.map((metric) => metricValue(metric, measures, query.currencyCode ?? 'THB', byProduct)));
    }
    return values;
  };
}

const ALL_METRICS = Object.keys(METRICS) as ReportMetric[];
const PRODUCT_DIMS: ReportDimension[] = ['PRODUCT'];

/** A random request the catalog accepts: metrics of compatible sources, dimensions they all support. */
function randomQuery(g: ReturnType<typeof generator>): ReportQuery {
  for (;;) {
    const metrics = g.shuffle([...ALL_METRICS]).slice(0, g.int(1, 4));
    const candidates: ReportDimension[] = ['DAY', 'WEEK', 'MONTH', 'CHANNEL', 'REGION', 'WAREHOUSE', 'PRODUCT', 'TRAFFIC_SOURCE', 'CAMPAIGN'];
    const dimensions = g.shuffle([...candidates]).slice(0, g.int(0, 2));
    const filterDimension = g.next() < 0.4 ? g.pick(candidates.filter((d) => !['DAY', 'WEEK', 'MONTH', 'PRODUCT'].includes(d))) : null;
    const used = [...dimensions, ...(filterDimension ? [filterDimension] : [])];
    const byProduct = used.some((d) => PRODUCT_DIMS.includes(d));
    const fits = metrics.every((metric) =>
      METRICS[metric].needs.every((measure) => {
        const source = MEASURE_SOURCE[measure === 'gmvMinor' && byProduct ? 'lineRevenueMinor' : measure];
        return used.every((d) => SOURCE_DIMENSIONS[source].includes(d));
      }),
    );
    if (!fits) continue;
    const from = 40 - g.int(0, 60);
    const length = g.int(1, 80);
    const day = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);
    const values: Record<string, string[]> = {
      CHANNEL: CHANNELS.slice(0, g.int(1, 2)), REGION: ['TH-Bangkok', ''], WAREHOUSE: [''], TRAFFIC_SOURCE: ['line', ''], CAMPAIGN: ['songkran'],
    };
    return {
      metrics, dimensions,
      filters: filterDimension ? [{ dimension: filterDimension, values: values[filterDimension]! }] : [],
      range: { from: day(from), to: day(from + length - 1) },
      comparison: g.pick(['NONE', 'PREVIOUS_PERIOD', 'PREVIOUS_YEAR'] as const),
      currencyCode: g.next() < 0.85 ? 'THB' : 'USD',
      first: 1000,
    };
  }
}

function expectMatchesTruth(result: ReportResult, query: ReportQuery, truth: ReturnType<typeof truthOf>) {
  const byProduct = [...(query.dimensions ?? []), ...(query.filters ?? []).map((f) => f.dimension)].some((d) => PRODUCT_DIMS.includes(d));
  const expected = truth(query, query.range, byProduct);
  const rows = new Map(result.rows.map((row) => [JSON.stringify(row.keys.map((k) => k.key)), row.values.map((v) => v.value)]));
  const zero = query.metrics.map((metric) => metricValue(metric, {}, query.currencyCode ?? 'THB', byProduct));
  expect(result.totals.map((v) => v.value)).toEqual(expected.get('*') ?? zero);
  const expectedRows = new Map([...expected].filter(([id]) => id !== '*'));
  // Without dimensions the report has its one row of totals even over no facts.
  if (!(query.dimensions ?? []).length) expectedRows.set('[]', expected.get('*') ?? zero);
  expect([...rows.keys()].sort()).toEqual([...expectedRows.keys()].sort());
  for (const [id, values] of expectedRows) expect(rows.get(id)).toEqual(values);
  if (query.comparison && query.comparison !== 'NONE') {
    const compared = comparisonRange(query.range, query.comparison);
    expect(result.comparisonRange).toEqual(compared);
    expect(result.comparisonTotals!.map((v) => v.value)).toEqual(truth(query, compared, byProduct).get('*') ?? zero);
  }
}

describe('roll-ups against the truth', () => {
  const seed = Number(process.env.REPORTS_SEED ?? Date.now() % 100_000);

  test(`random facts, recorded out of order and twice, answer random reports exactly as the raw facts do (seed ${seed})`, async () => {
    const world = makeWorld(seed);
    const { g } = world;
    // Every version of every order, refunds and traffic, shuffled; a fifth of them sent twice.
    const sends: (() => Promise<void>)[] = g.shuffle([
      ...world.versions.map((v) => () => recordOrder(database.db, v)),
      ...world.refunds.map((r) => () => recordRefund(database.db, r)),
      ...world.traffic.map((t) => () => recordTraffic(database.db, t)),
    ]);
    const withRepeats = g.shuffle([...sends, ...sends.filter(() => g.next() < 0.2)]);
    // Roll-ups run part-way too, so later facts must queue the days they change again.
    for (const [index, send] of withRepeats.entries()) {
      await send();
      if (index % 97 === 0) await runQueuedRollups();
    }
    expect(await runQueuedRollups()).toBeGreaterThan(0);
    const truth = truthOf(world);
    for (let i = 0; i < 60; i++) {
      const query = randomQuery(g);
      const result = await runReport(database.db, query, ANALYST, null);
      if (!result.ok) throw new Error(`${JSON.stringify(query)}: ${result.errors[0]!.message}`);
      try {
        expectMatchesTruth(result.value, query, truth);
      } catch (error) {
        throw new Error(`${JSON.stringify(query)}: ${(error as Error).message}`);
      }
    }

    // A rebuild from the facts gives the same roll-ups as the jobs did.
    const before = await database.db.execute(sql`select * from reports.sales_rollup order by 1, 2, 3, 4, 5, 6`);
    await rebuildRollups(database.db);
    expect(await database.db.execute(sql`select * from reports.sales_rollup order by 1, 2, 3, 4, 5, 6`)).toEqual(before);
  }, 120_000);
});
