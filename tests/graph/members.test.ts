import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { signInAll, type Caller } from '../kit/callers.js';

/**
 * Members through the gateway: search in any phone format, contact data
 * masked on every path (list, search results, contact log, merge payloads),
 * who may run the new mutations, bad input as userErrors with nothing changed,
 * and concurrent merges of one pair.
 */
describe.each(['in-process', 'distributed'] as const)('members (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let callers: Caller[];
  const caller = (name: string) => callers.find((c) => c.name === name)!;

  const stepUp = async (headers: Record<string, string>, password: string) => {
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password } },
      headers,
    );
    return { ...headers, 'x-step-up': body.data.stepUpConfirm.stepUpToken as string };
  };

  const CREATE = `mutation ($input: MemberCreateInput!) { memberCreate(input: $input) { member { id email phone } userErrors { field code message } } }`;
  const create = async (email: string, phone: string, displayName = 'นกน้อย Graph') => {
    const { body } = await gateway.query(CREATE, { input: { profile: { displayName, email, phone }, tags: ['graph'] } }, caller('customer_service').headers);
    expect(body.data.memberCreate.userErrors).toEqual([]);
    return body.data.memberCreate.member.id as string;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    callers = await signInAll(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('finds a member by phone in any format for contact-data readers; others get FORBIDDEN, never a match', async () => {
    const id = await create(`graph.search.${mode}@example.test`, mode === 'in-process' ? '089 111 2233' : '089 111 4455');
    const digits = mode === 'in-process' ? '2233' : '4455';
    const search = `query ($q: String!) { members(first: 5, filter: { query: $q }) { edges { node { id email maskedEmail maskedPhone } } } }`;
    for (const typed of [`089-111-${digits}`, `+66 89 111 ${digits}`, `089111${digits}`]) {
      const { body } = await gateway.query(search, { q: typed }, caller('customer_service').headers);
      expect(body.data.members.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
    }
    const masked = await gateway.query(search, { q: `089-111-${digits}` }, caller('marketing').headers);
    expect(masked.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(masked.body.data?.members ?? null).toBeNull();
    const byName = `{ members(first: 5, filter: { query: "นกน้อย Graph" }) { edges { node { id email maskedPhone } } } }`;
    const named = await gateway.query(byName, undefined, caller('marketing').headers);
    const node = named.body.data.members.edges.find((e: { node: { id: string } }) => e.node.id === id).node;
    expect(node.email).toBeNull();
    expect(node.maskedPhone).toMatch(/^\+66 8\*\* \*\*\* \*\d\d$/);
    expect(named.body.errors.every((e: { extensions: { code: string } }) => e.extensions.code === 'FORBIDDEN')).toBe(true);
  });

  it('keeps contact data and internal notes to their readers on the 360 paths: addresses, contact log, merge payloads', async () => {
    const id = await create(`graph.paths.${mode}@example.test`, '081 555 0101');
    const service = caller('customer_service').headers;
    await gateway.query(
      `mutation ($input: MemberAddressAddInput!) { memberAddressAdd(input: $input) { userErrors { code } } }`,
      { input: { memberId: id, address: { name: 'Somchai Path', phone: '081 555 0102', line1: '9 Silom', city: 'Bangkok', country: 'TH' } } },
      service,
    );
    const log = await gateway.query(
      `mutation ($input: ContactLogAddInput!) { contactLogAdd(input: $input) { entry { id summary staff { id } } userErrors { code } } }`,
      { input: { memberId: id, channel: 'CALL', summary: 'Called about a refund' } },
      service,
    );
    expect(log.body.data.contactLogAdd.entry.summary).toBe('Called about a refund');
    const read = `{ member(id: "${id}") { givenName addresses { line1 phone country } notes } memberContactLog(memberId: "${id}", first: 5) { edges { node { summary member { email maskedEmail } } } } }`;
    const asService = await gateway.query(read, undefined, service);
    expect(asService.body.data.member.addresses).toEqual([{ line1: '9 Silom', phone: '081 555 0102', country: 'TH' }]);
    expect(asService.body.data.memberContactLog.edges[0].node.member.email).toBe(`graph.paths.${mode}@example.test`);
    const asMarketing = await gateway.query(read, undefined, caller('marketing').headers);
    expect(asMarketing.body.data.member.addresses).toBeNull();
    expect(asMarketing.body.data.memberContactLog.edges[0].node).toMatchObject({ summary: 'Called about a refund', member: { email: null } });
    expect(asMarketing.body.data.memberContactLog.edges[0].node.member.maskedEmail).toMatch(/^gr\*\*\*@/);
    const asPartner = await gateway.query(`{ memberContactLog(memberId: "${id}", first: 1) { totalCount } }`, undefined, caller('partner').headers);
    expect(asPartner.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('runs member mutations only with members:write; disable and merge need a step-up; customers never', async () => {
    const id = await create(`graph.matrix.${mode}@example.test`, '081 555 0201');
    const tags = `mutation ($input: MemberTagsSetInput!) { memberTagsSet(input: $input) { member { tags } userErrors { code } } }`;
    const disable = `mutation ($input: MemberDisableInput!) { memberDisable(input: $input) { member { disabled } userErrors { code } } }`;
    const mismatches: string[] = [];
    for (const c of callers) {
      const tagged = await gateway.query(tags, { input: { id, tags: ['matrix'] } }, c.headers);
      const tagCode = tagged.body.errors?.[0]?.extensions?.code ?? 'ALLOWED';
      const tagExpected = c.scopes.includes('members:write') ? 'ALLOWED' : c.principalKind === 'anonymous' ? 'UNAUTHENTICATED|FORBIDDEN' : 'FORBIDDEN';
      if (!tagExpected.split('|').includes(tagCode)) mismatches.push(`${c.name} × memberTagsSet: ${tagCode}`);
      const disabled = await gateway.query(disable, { input: { id } }, c.headers);
      const code = disabled.body.errors?.[0]?.extensions?.code ?? 'ALLOWED';
      const expected = c.scopes.includes('members:write') ? 'STEP_UP_REQUIRED' : c.principalKind === 'anonymous' ? 'UNAUTHENTICATED|FORBIDDEN' : 'FORBIDDEN';
      if (!expected.split('|').includes(code)) mismatches.push(`${c.name} × memberDisable: ${code}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('answers bad input with coded userErrors and changes nothing', async () => {
    const id = await create(`graph.bad.${mode}@example.test`, '081 555 0301', 'Bad Input');
    const update = `mutation ($input: MemberUpdateInput!) { memberUpdate(input: $input) { member { id } userErrors { field code message } } }`;
    const { body } = await gateway.query(update, { input: { id, profile: { displayName: '', phone: 'call me', email: 'nobody@', birthday: 'soon' } } }, caller('customer_service').headers);
    expect(body.data.memberUpdate.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_NAME', 'INVALID_EMAIL', 'INVALID_PHONE', 'INVALID_BIRTHDAY']);
    const unknown = await gateway.query(update, { input: { id: '00000000-0000-4000-8000-000000000009', profile: { displayName: 'X' } } }, caller('customer_service').headers);
    expect(unknown.body.data.memberUpdate.userErrors).toMatchObject([{ code: 'MEMBER_NOT_FOUND', field: ['input', 'id'] }]);
    const after = await gateway.query(`{ member(id: "${id}") { displayName phone email } }`, undefined, caller('customer_service').headers);
    expect(after.body.data.member).toEqual({ displayName: 'Bad Input', phone: '081 555 0301', email: `graph.bad.${mode}@example.test` });
  });

  it('merges a pair once under concurrent requests; the target gains the tags and the source is disabled', async () => {
    const source = await create(`graph.merge.a.${mode}@example.test`, '081 555 0401');
    const target = await create(`graph.merge.b.${mode}@example.test`, '081 555 0402');
    const owner = await stepUp(caller('owner').headers, 'demo-owner-password');
    const merge = `mutation ($input: MemberMergeInput!) { memberMerge(input: $input) { target { id tags } source { disabled mergedInto { id } } userErrors { code } } }`;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => gateway.query(merge, { input: i % 2 ? { sourceId: target, targetId: source } : { sourceId: source, targetId: target } }, owner)),
    );
    const succeeded = results.filter((r) => r.body.data?.memberMerge?.userErrors?.length === 0);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((r) => r.body.data?.memberMerge?.userErrors?.[0]?.code === 'MEMBER_MERGED')).toHaveLength(3);
    expect(succeeded[0]!.body.data.memberMerge.source.disabled).toBe(true);
    const self = await gateway.query(merge, { input: { sourceId: target, targetId: target } }, owner);
    expect(self.body.data.memberMerge.userErrors).toEqual([{ code: 'MERGE_WITH_ITSELF' }]);
  });

  it("moves the source's LINE/WeChat ids the target lacks on merge; where the target has one, the target's stays and the source's is dropped", async () => {
    const source = await create(`graph.merge.ids.a.${mode}@example.test`, '081 555 0411');
    const target = await create(`graph.merge.ids.b.${mode}@example.test`, '081 555 0412');
    const staff = caller('customer_service').headers;
    const lineId = () => `U${randomBytes(16).toString('hex')}`;
    const ids = { sourceLine: lineId(), sourceWechat: `o${randomBytes(14).toString('base64url')}`, targetLine: lineId() };
    const link = async (memberId: string, channel: string, externalId: string) => {
      const { body } = await gateway.query(
        `mutation ($input: MemberChannelLinkInput!) { memberChannelLink(input: $input) { userErrors { code } } }`,
        { input: { memberId, channel, externalId } },
        staff,
      );
      expect(body.data.memberChannelLink.userErrors).toEqual([]);
    };
    await link(source, 'LINE', ids.sourceLine);
    await link(source, 'WECHAT', ids.sourceWechat);
    await link(target, 'LINE', ids.targetLine);

    const owner = await stepUp(caller('owner').headers, 'demo-owner-password');
    const merged = await gateway.query(`mutation ($input: MemberMergeInput!) { memberMerge(input: $input) { userErrors { code } } }`, { input: { sourceId: source, targetId: target } }, owner);
    expect(merged.body.data.memberMerge.userErrors).toEqual([]);
    const read = `query ($id: ID!) { member(id: $id) { channelIds { channel externalId } } }`;
    expect((await gateway.query(read, { id: target }, staff)).body.data.member.channelIds).toEqual([
      { channel: 'LINE', externalId: ids.targetLine },
      { channel: 'WECHAT', externalId: ids.sourceWechat },
    ]);
    expect((await gateway.query(read, { id: source }, staff)).body.data.member.channelIds).toEqual([]);
    // The dropped LINE id is free again: another member may link it.
    const other = await create(`graph.merge.ids.c.${mode}@example.test`, '081 555 0413');
    await link(other, 'LINE', ids.sourceLine);
  });

  it('lets a customer keep their own address book and profile, and a password change ends their other sessions', async () => {
    const customer = caller('customer').headers;
    const added = await gateway.query(
      `mutation ($input: MyAddressAddInput!) { myAddressAdd(input: $input) { address { id name isDefault } userErrors { code } } }`,
      { input: { address: { name: 'Me', line1: '1 My Road', city: 'Bangkok', country: 'TH' } } },
      customer,
    );
    expect(added.body.data.myAddressAdd.address).toMatchObject({ name: 'Me' });
    const mine = await gateway.query(`{ myAddresses { id line1 } myProfile { member { id tags consents { channel } } email } }`, undefined, customer);
    expect(mine.body.data.myAddresses.map((a: { line1: string }) => a.line1)).toContain('1 My Road');
    const profile = await gateway.query(
      `mutation ($input: MyProfileUpdateInput!) { myProfileUpdate(input: $input) { profile { member { locale consents { channel granted } } } userErrors { code } } }`,
      { input: { locale: 'zh_TW', consents: [{ channel: 'LINE', granted: true }] } },
      customer,
    );
    expect(profile.body.data.myProfileUpdate.profile.member).toMatchObject({ locale: 'zh_TW', consents: [{ channel: 'LINE', granted: true }] });
    const wrong = await gateway.query(
      `mutation ($input: MyPasswordChangeInput!) { myPasswordChange(input: $input) { endedSessions userErrors { code field } } }`,
      { input: { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' } },
      customer,
    );
    expect(wrong.body.data.myPasswordChange.userErrors).toEqual([{ code: 'WRONG_PASSWORD', field: ['input', 'currentPassword'] }]);
  });
});
