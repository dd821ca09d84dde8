import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { customerLogin, customerSignUp } from '../src/accounts/service.js';
import { SUMMARISE_EVENTS, summariseEventsTask } from '../src/events/index.js';
import { trackEvents, type EventsTrackInput } from '../src/events/service.js';
import { behaviourEvent, memberBehaviour, memberDevice, productEngagement } from '../src/events/tables.js';
import type { EventInput } from '../src/events/checks.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 6 });
});
afterAll(() => database.close());

const PASSWORD = 'correct horse battery';
const device = () => `dev_${randomUUID()}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const view = (productId: string, overrides: Partial<EventInput> = {}): EventInput => ({ type: 'PRODUCT_VIEW', productId, occurredAt: minutesAgo(1), ...overrides });

const track = (input: EventsTrackInput, memberId: string | null = null) => database.db.transaction((tx) => trackEvents(tx, memberId, input));

async function signUp(deviceId?: string) {
  const email = `events-${randomUUID()}@example.test`;
  const result = await database.db.transaction((tx) => customerSignUp(tx, { email, password: PASSWORD, displayName: 'Events', deviceId }));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { email, memberId: result.value.member.id };
}

/** What one summary row of a member says, both windows. */
async function behaviourOf(memberId: string) {
  const rows = await database.db.select().from(memberBehaviour).where(eq(memberBehaviour.memberId, memberId));
  return Object.fromEntries(rows.map((row) => [row.windowDays, row]));
}

const eventsOfDevice = (deviceId: string) => database.db.select().from(behaviourEvent).where(eq(behaviourEvent.deviceId, deviceId));

describe('eventsTrack validation', () => {
  test('each invalid event is refused by its path while the valid ones in the batch are stored', async () => {
    const deviceId = device();
    const productId = randomUUID();
    const result = await track({
      deviceId,
      events: [
        view(productId),
        { type: 'PRODUCT_VIEW', occurredAt: minutesAgo(1) },
        { type: 'SEARCH', query: '   ', occurredAt: minutesAgo(1) },
        { type: 'ADD_TO_CART', productId: 'not-a-uuid', occurredAt: minutesAgo(1) },
        { type: 'SEARCH', query: 'x'.repeat(201), source: 's'.repeat(101), occurredAt: minutesAgo(1) },
        view(productId, { occurredAt: new Date(Date.now() + 6 * 60_000) }),
        view(productId, { occurredAt: minutesAgo(8 * 24 * 60) }),
        { type: 'SEARCH', query: ' ผ้าไหม ', campaign: 'songkran', occurredAt: new Date(Date.now() + 4 * 60_000) },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.accepted).toBe(2);
    expect(result.value.refused.map((e) => [e.field!.join('.'), e.code])).toEqual([
      ['input.events.1.productId', 'REQUIRED'],
      ['input.events.2.query', 'REQUIRED'],
      ['input.events.3.productId', 'INVALID_PRODUCT_ID'],
      ['input.events.4.query', 'TOO_LONG'],
      ['input.events.4.source', 'TOO_LONG'],
      ['input.events.5.occurredAt', 'OCCURRED_IN_FUTURE'],
      ['input.events.6.occurredAt', 'OCCURRED_TOO_LONG_AGO'],
    ]);
    const stored = await eventsOfDevice(deviceId);
    expect(stored.map((e) => [e.type, e.productId, e.query, e.campaign]).sort()).toEqual([
      ['PRODUCT_VIEW', productId, null, null],
      ['SEARCH', null, 'ผ้าไหม', 'songkran'],
    ].sort());
  });

  test('a malformed device id, an empty batch or more than 100 events refuse the whole call and store nothing', async () => {
    const productId = randomUUID();
    const cases: [EventsTrackInput, string, string][] = [
      [{ deviceId: 'short', events: [view(productId)] }, 'input.deviceId', 'INVALID_DEVICE_ID'],
      [{ deviceId: 'has spaces in it, not allowed', events: [view(productId)] }, 'input.deviceId', 'INVALID_DEVICE_ID'],
      [{ deviceId: device(), events: [] }, 'input.events', 'NO_EVENTS'],
      [{ deviceId: device(), events: Array.from({ length: 101 }, () => view(productId)) }, 'input.events', 'TOO_MANY_EVENTS'],
    ];
    for (const [input, field, code] of cases) {
      const result = await track(input);
      expect(result).toMatchObject({ ok: false, errors: [{ field: field.split('.'), code }] });
    }
    const [stored] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.behaviour_event where product_id = ${productId}`);
    expect(stored!.n).toBe(0);
  });
});

describe('eventsTrack batching', () => {
  test('100 events are one multi-row insert, one pending summary job and one reports traffic job, however many calls came before', async () => {
    const deviceId = device();
    const productId = randomUUID();
    const statements: string[] = [];
    const result = await database.db.transaction(async (tx) => {
      const counting = new Proxy(tx, {
        get(target, key, receiver) {
          if (key === 'insert' || key === 'execute') statements.push(String(key));
          return Reflect.get(target, key, receiver);
        },
      });
      return trackEvents(counting, null, { deviceId, events: Array.from({ length: 100 }, () => view(productId)) });
    });
    expect(result).toMatchObject({ ok: true, value: { accepted: 100 } });
    expect(statements).toEqual(['insert', 'execute', 'execute']);
    await track({ deviceId, events: [view(productId)] });
    const [jobs] = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${SUMMARISE_EVENTS}`,
    );
    expect(jobs!.n).toBe(1);
  });
});

describe('traffic for reports', () => {
  test("a batch queues its page views per shop day, source and campaign, the visitor hashed (never the device or member id)", async () => {
    const deviceId = device();
    await track({
      deviceId,
      events: [
        view(randomUUID(), { source: 'line', campaign: 'songkran' }),
        view(randomUUID(), { source: 'line', campaign: 'songkran' }),
        { type: 'ADD_TO_CART', productId: randomUUID(), occurredAt: minutesAgo(0), source: 'line', campaign: 'songkran' },
        view(randomUUID()),
      ],
    });
    const jobs = await database.db.execute<{ payload: any }>(sql`
      select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'reports.recordTraffic' order by j.id desc limit 1`);
    const { batchId, rows } = jobs[0]!.payload;
    expect(batchId).toEqual(expect.any(String));
    expect(JSON.stringify(jobs[0]!.payload)).not.toContain(deviceId);
    const visitor = rows[0].visitorHash;
    const day = expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows).toEqual([
      { day, source: 'line', campaign: 'songkran', visitorHash: visitor, pageViews: 2 },
      { day, source: '', campaign: '', visitorHash: visitor, pageViews: 1 },
    ]);
  });
});

describe('device attach and append-only events', () => {
  test('anonymous events before sign-up and after sign-in count for the member; the event rows are never rewritten', async () => {
    const deviceId = device();
    const [viewed, carted] = [randomUUID(), randomUUID()];
    await track({ deviceId, events: [view(viewed), view(viewed, { source: 'line', campaign: 'songkran' })] });
    const before = await eventsOfDevice(deviceId);
    const { email, memberId } = await signUp(deviceId);
    // Signed in on the same device later: a customer session's events carry the member themselves.
    await track({ deviceId, events: [{ type: 'ADD_TO_CART', productId: carted, occurredAt: minutesAgo(0) }] }, memberId);
    // And anonymous again after signing out, on the same device.
    await track({ deviceId, events: [{ type: 'SEARCH', query: 'silk', source: 'line', campaign: 'songkran', occurredAt: minutesAgo(0) }] });
    const login = await customerLogin(database.db, { email, password: PASSWORD, deviceId }, null);
    expect(login.ok).toBe(true);

    const after = await eventsOfDevice(deviceId);
    // The first two rows are exactly as they were written: attach resolves through member_device.
    expect(after.filter((e) => before.some((b) => b.id === e.id))).toEqual(before);
    expect(after.filter((e) => e.memberId === null)).toHaveLength(3);

    await summariseEventsTask({}, database.db);
    const summary = await behaviourOf(memberId);
    expect(summary[30]).toMatchObject({ views: 2, addsToCart: 1, searches: 1 });
    expect(summary[90]).toMatchObject({ views: 2, addsToCart: 1, searches: 1 });
    expect(summary[30]!.topProducts).toEqual([{ productId: viewed, views: 2 }]);
    expect(summary[30]!.topSources).toEqual([{ source: 'line', campaign: 'songkran', events: 2 }]);
  });

  test('a device another member signs in on moves its anonymous events to them, not the ones sent in a session', async () => {
    const deviceId = device();
    const first = await signUp(deviceId);
    const productId = randomUUID();
    await track({ deviceId, events: [view(productId)] });
    await track({ deviceId, events: [view(productId)] }, first.memberId);
    await summariseEventsTask({}, database.db);
    expect((await behaviourOf(first.memberId))[30]).toMatchObject({ views: 2 });

    const second = await signUp(deviceId);
    await summariseEventsTask({}, database.db);
    expect((await behaviourOf(first.memberId))[30]).toMatchObject({ views: 1 });
    expect((await behaviourOf(second.memberId))[30]).toMatchObject({ views: 1 });
    const [link] = await database.db.select().from(memberDevice).where(eq(memberDevice.deviceId, deviceId));
    expect(link).toMatchObject({ memberId: second.memberId, previousMemberId: first.memberId });
  });

  test('a malformed device id at sign-in is INVALID at input.deviceId and signs nobody in', async () => {
    const { email } = await signUp();
    const login = await customerLogin(database.db, { email, password: PASSWORD, deviceId: 'bad id' }, null);
    expect(login).toMatchObject({ ok: false, errors: [{ code: 'INVALID', field: ['input', 'deviceId'] }] });
    const signUpResult = await database.db.transaction((tx) =>
      customerSignUp(tx, { email: `x-${randomUUID()}@example.test`, password: PASSWORD, displayName: 'X', deviceId: 'bad id' }),
    );
    expect(signUpResult).toMatchObject({ ok: false, errors: [{ code: 'INVALID', field: ['input', 'deviceId'] }] });
  });
});

describe('summaries (members.summariseEvents)', () => {
  test('windows count 30 and 90 days apart, products count every device, and the view-to-cart inputs add up', async () => {
    const { memberId } = await signUp();
    const deviceId = device();
    const productId = randomUUID();
    await track({ deviceId, events: [view(productId), view(productId), { type: 'ADD_TO_CART', productId, occurredAt: minutesAgo(1) }] }, memberId);
    await track({ deviceId: device(), events: [view(productId)] });
    // Older events as a storefront queue could not send them (more than 7 days ago): written directly.
    await database.db.insert(behaviourEvent).values({ deviceId, memberId, type: 'PRODUCT_VIEW', productId, occurredAt: minutesAgo(60 * 24 * 40) });
    await summariseEventsTask({}, database.db);
    const summary = await behaviourOf(memberId);
    expect(summary[30]).toMatchObject({ views: 2, addsToCart: 1, searches: 0 });
    expect(summary[90]).toMatchObject({ views: 3, addsToCart: 1 });
    expect(summary[30]!.lastActivityAt).not.toBeNull();
    const engagement = await database.db.select().from(productEngagement).where(eq(productEngagement.productId, productId));
    expect(Object.fromEntries(engagement.map((r) => [r.windowDays, [r.views, r.addsToCart]]))).toEqual({ 30: [3, 1], 90: [4, 1] });
  });

  test('running the job again with nothing new keeps the summary and moves its mark to the start of the run', async () => {
    const { memberId } = await signUp();
    await track({ deviceId: device(), events: [view(randomUUID())] }, memberId);
    await summariseEventsTask({}, database.db);
    const first = await behaviourOf(memberId);
    await summariseEventsTask({}, database.db);
    const again = await behaviourOf(memberId);
    expect(again[30]).toMatchObject({ views: first[30]!.views });
    const [run] = await database.db.execute<{ covered: Date }>(sql`select covered_until as covered from members.behaviour_summary_run`);
    expect(new Date(run!.covered).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
