import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { withTx, type Db } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { members } from '@shop/members';
import { signInAll, type Caller } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { queuedJobs } from '../kit/jobs.js';
import { readOutboxLines, useTestOutbox } from '../kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

/**
 * Issue #14's LINE and WeChat ids through the gateway: staff with members:write and members:read_pii link and
 * unlink any member's, a customer their own; one id per member per app, one member per id (CHANNEL_ID_TAKEN,
 * also under concurrent links); the ids are contact data (members:read_pii or one's own; members:read sees only
 * which apps); the audit never holds them; notifications go to the linked id and skip an app without one.
 */
const outbox = useTestOutbox();
const LINK = `mutation ($input: MemberChannelLinkInput!) { memberChannelLink(input: $input) { member { id channelIds { channel externalId } } userErrors { field code message } } }`;
const UNLINK = `mutation ($input: MemberChannelUnlinkInput!) { memberChannelUnlink(input: $input) { member { id linkedChannels } userErrors { field code message } } }`;
const MY_LINK = `mutation ($input: MyChannelLinkInput!) { myChannelLink(input: $input) { member { channelIds { channel externalId linkedAt } } userErrors { field code message } } }`;
const MY_UNLINK = `mutation ($input: MyChannelUnlinkInput!) { myChannelUnlink(input: $input) { member { linkedChannels } userErrors { field code message } } }`;
const READ = `query ($id: ID!) { member(id: $id) { linkedChannels channelIds { channel externalId } } }`;

/** The members task that tells a member about their order's events (members notifications/on-event.ts). */
const NOTIFY_ON_EVENT_TASK = 'members.notifyOnEvent';
const lineId = () => `U${randomBytes(16).toString('hex')}`;
const openid = () => `o${randomBytes(14).toString('base64url')}`;

describe.each(['in-process', 'distributed'] as const)('members: LINE and WeChat ids (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let callers: Caller[];
  let memberIds: string[];
  let customerMemberId: string;
  const as = (name: string) => callers.find((c) => c.name === name)!.headers;
  const ask = async (who: string, query: string, variables: Record<string, unknown>) => (await gateway.query(query, variables, as(who))).body;
  const links = async () => (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.member_messaging_id`))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase({ max: 20 });
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    callers = await signInAll(gateway);
    memberIds = (await database.db.execute<{ id: string }>(sql`select id from members.member where merged_into_id is null order by created_at limit 20`)).map((r) => r.id);
    customerMemberId = (await database.db.execute<{ id: string }>(sql`select id from members.member where email = 'member1@example.test'`))[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('staff link an id, replace it, and unlink it; the audit records the app, never the id', async () => {
    const [id] = memberIds;
    const first = lineId();
    const linked = await ask('customer_service', LINK, { input: { memberId: id, channel: 'LINE', externalId: ` ${first} ` } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.memberChannelLink).toEqual({ member: { id, channelIds: [{ channel: 'LINE', externalId: first }] }, userErrors: [] });
    // One id per member per app: linking again replaces it.
    const second = lineId();
    const replaced = await ask('customer_service', LINK, { input: { memberId: id, channel: 'LINE', externalId: second } });
    expect(replaced.data.memberChannelLink.member.channelIds).toEqual([{ channel: 'LINE', externalId: second }]);
    const audit = await database.db.execute<{ text: string }>(sql`select coalesce(string_agg(t::text, ' '), '') as text from access.audit_log t`);
    expect(audit[0]!.text).toContain('memberChannelLink');
    expect(audit[0]!.text).not.toContain(first);
    expect(audit[0]!.text).not.toContain(second);
    const unlinked = await ask('customer_service', UNLINK, { input: { memberId: id, channel: 'LINE' } });
    expect(unlinked.data.memberChannelUnlink).toEqual({ member: { id, linkedChannels: [] }, userErrors: [] });
    // Unlinking what is not linked changes nothing.
    expect((await ask('customer_service', UNLINK, { input: { memberId: id, channel: 'LINE' } })).data.memberChannelUnlink.userErrors).toEqual([]);
  });

  it('refuses an id another member holds (CHANNEL_ID_TAKEN), a malformed id and an unknown member, writing nothing', async () => {
    const [a, b] = memberIds.slice(1);
    const taken = openid();
    expect((await ask('customer_service', LINK, { input: { memberId: a, channel: 'WECHAT', externalId: taken } })).data.memberChannelLink.userErrors).toEqual([]);
    const before = await links();
    const clash = await ask('customer_service', LINK, { input: { memberId: b, channel: 'WECHAT', externalId: taken } });
    expect(clash.data.memberChannelLink).toEqual({
      member: null,
      userErrors: [{ field: ['input', 'externalId'], code: 'CHANNEL_ID_TAKEN', message: 'Another member is already linked to this WeChat id.' }],
    });
    const malformed = await ask('customer_service', LINK, { input: { memberId: b, channel: 'LINE', externalId: 'not-a-line-id' } });
    expect(malformed.data.memberChannelLink.userErrors).toEqual([expect.objectContaining({ field: ['input', 'externalId'], code: 'INVALID_CHANNEL_ID' })]);
    expect(JSON.stringify(malformed)).not.toContain('not-a-line-id');
    const unknown = await ask('customer_service', LINK, { input: { memberId: randomUUID(), channel: 'LINE', externalId: lineId() } });
    expect(unknown.data.memberChannelLink.userErrors).toEqual([expect.objectContaining({ field: ['input', 'memberId'], code: 'MEMBER_NOT_FOUND' })]);
    expect(await links()).toBe(before);
  });

  it('of 10 members linking one id at once, exactly one gets it', async () => {
    const contested = lineId();
    const answers = await Promise.all(
      memberIds.slice(5, 15).map((memberId) => ask('customer_service', LINK, { input: { memberId, channel: 'LINE', externalId: contested } })),
    );
    const codes = answers.map((a) => a.data.memberChannelLink.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CHANNEL_ID_TAKEN')).toHaveLength(9);
    const owners = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.member_messaging_id where external_id = ${contested}`);
    expect(owners[0]!.n).toBe(1);
  });

  it('reads the ids with members:read_pii only; members:read sees which apps; who lacks members:write and members:read_pii cannot link', async () => {
    const id = memberIds[16]!;
    const linked = lineId();
    await ask('customer_service', LINK, { input: { memberId: id, channel: 'LINE', externalId: linked } });
    const operator = await ask('order_operator', READ, { id });
    expect(operator.data.member).toEqual({ linkedChannels: ['LINE'], channelIds: [{ channel: 'LINE', externalId: linked }] });
    const marketing = await ask('marketing', READ, { id });
    expect(marketing.data.member.linkedChannels).toEqual(['LINE']);
    expect(marketing.data.member.channelIds).toBeNull();
    expect(marketing.errors).toEqual([expect.objectContaining({ path: ['member', 'channelIds'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect(JSON.stringify(marketing)).not.toContain(linked);
    for (const who of ['order_operator', 'marketing', 'analyst', 'customer', 'partner', 'anonymous']) {
      const refused = await ask(who, LINK, { input: { memberId: id, channel: 'WECHAT', externalId: openid() } });
      expect(refused.data?.memberChannelLink ?? null, who).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code, who).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect((await ask('customer', `{ member(id: "${id}") { channelIds { externalId } } }`, {})).data?.member ?? null).toBeNull();
  });

  it("a customer links and unlinks their own; another member's id is CHANNEL_ID_TAKEN", async () => {
    const mine = openid();
    const linked = await ask('customer', MY_LINK, { input: { channel: 'WECHAT', externalId: mine } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.myChannelLink).toEqual({ member: { channelIds: [{ channel: 'WECHAT', externalId: mine, linkedAt: expect.any(String) }] }, userErrors: [] });
    const profile = await ask('customer', `{ myProfile { member { id channelIds { channel externalId } } } }`, {});
    expect(profile.data.myProfile.member).toEqual({ id: customerMemberId, channelIds: [{ channel: 'WECHAT', externalId: mine }] });
    const othersId = lineId();
    await ask('customer_service', LINK, { input: { memberId: memberIds[17], channel: 'LINE', externalId: othersId } });
    const taken = await ask('customer', MY_LINK, { input: { channel: 'LINE', externalId: othersId } });
    expect(taken.data.myChannelLink.userErrors).toEqual([expect.objectContaining({ field: ['input', 'externalId'], code: 'CHANNEL_ID_TAKEN' })]);
    const unlinked = await ask('customer', MY_UNLINK, { input: { channel: 'WECHAT' } });
    expect(unlinked.data.myChannelUnlink).toEqual({ member: { linkedChannels: [] }, userErrors: [] });
    for (const who of ['owner', 'anonymous', 'partner']) {
      const refused = await ask(who, MY_LINK, { input: { channel: 'LINE', externalId: lineId() } });
      expect(refused.data?.myChannelLink ?? null, who).toBeNull();
    }
  });

  it('notifications go to the linked id and skip a consented app without one', async () => {
    if (mode !== 'in-process') return;
    const id = memberIds[18]!;
    const linked = lineId();
    await ask('customer_service', LINK, { input: { memberId: id, channel: 'LINE', externalId: linked } });
    const consent = await gateway.query(
      `mutation ($input: MemberConsentSetInput!) { memberConsentSet(input: $input) { userErrors { code } } }`,
      { input: { id, consents: [{ channel: 'LINE', granted: true }, { channel: 'WECHAT', granted: true }] } },
      as('customer_service'),
    );
    expect(consent.body.data.memberConsentSet.userErrors).toEqual([]);
    const sent = await withTx(database.db, (tx: Db) =>
      publishEvent(tx, { type: 'order.status_changed', subject: { orderId: randomUUID(), orderNumber: 'SO-CH-1', memberId: id }, data: { from: 'FULFILLING', to: 'SHIPPED' } }),
    );
    const [job] = await queuedJobs(database.db, NOTIFY_ON_EVENT_TASK, `${NOTIFY_ON_EVENT_TASK}:${sent.id}`);
    const before = readOutboxLines(outbox).length;
    await members.tasks[NOTIFY_ON_EVENT_TASK]!(job!.payload, database.db);
    const lines = readOutboxLines(outbox).slice(before);
    expect(lines.map((l) => [l.channel, l.to])).toEqual([['line', linked]]);
  });
});
