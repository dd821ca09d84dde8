import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChangeRecord } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { addAddress, deleteAddress } from '../src/addresses/index.js';
import { customerAddress } from '../src/addresses/tables.js';
import { addContactLogEntry, followUpsDue, markFollowUpDone } from '../src/contacts/index.js';
import { contactLogEntry } from '../src/contacts/tables.js';
import { setConsents } from '../src/consents/index.js';
import { mergeMembers } from '../src/merge/index.js';
import { normalisePhone, phoneSearchDigits } from '../src/pii/index.js';
import { createMember, disableMember, listMembers, profileValues, setMemberTags, updateMember } from '../src/service.js';
import { member, memberConsent, memberConsentEvent } from '../src/tables.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;
const changes: ChangeRecord[] = [];
const STAFF = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('phone numbers', () => {
  test.each([
    ['081-234-5678'], ['081 234 5678'], ['+66 81 234 5678'], ['+66812345678'], ['66812345678'], ['(081) 234.5678'], ['๐๘๑-๒๓๔-๕๖๗๘'],
  ])('%s normalises to +66812345678', (typed) => {
    expect(normalisePhone(typed)).toBe('+66812345678');
  });

  test('a number that is no number of its region is refused', () => {
    expect(normalisePhone('12')).toBeNull();
    expect(normalisePhone('+66 12')).toBeNull();
    expect(normalisePhone('call me')).toBeNull();
  });

  test('a search text becomes the digits to find inside E.164, a trunk 0 dropped; names are no phone search', () => {
    expect(phoneSearchDigits('081-234-5678')).toBe('66812345678');
    expect(phoneSearchDigits('081-23')).toBe('8123');
    expect(phoneSearchDigits('+66 81')).toBe('6681');
    expect(phoneSearchDigits('Somchai')).toBeNull();
    expect(phoneSearchDigits('12')).toBeNull();
  });
});

describe('profile rules', () => {
  test('every mistake is reported at once, with its field and a message made from its code', () => {
    const result = profileValues({ displayName: ' ', email: 'nobody@', phone: '+66 12', birthday: '2999-01-01' }, '2026-06-01');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_NAME', ['input', 'displayName']],
      ['INVALID_EMAIL', ['input', 'email']],
      ['INVALID_PHONE', ['input', 'phone']],
      ['INVALID_BIRTHDAY', ['input', 'birthday']],
    ]);
    expect(result.errors[0]!.message).toBe('The name must be 1 to 100 characters.');
  });

  test('names in any script are kept as written, the phone beside its E.164 form', async () => {
    const created = await mutate(database.db, (tx, c) =>
      createMember(tx, { displayName: 'สมชาย ใจดี', givenName: '王', familyName: 'محمد', email: 'Somchai.Profile@Example.test', phone: '081 234 5670' }, c));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({
      displayName: 'สมชาย ใจดี', givenName: '王', familyName: 'محمد', email: 'somchai.profile@example.test', phone: '081 234 5670', phoneE164: '+66812345670',
    });
  });

  test('a duplicate email, whatever its case, is EMAIL_TAKEN on create and update, and nothing changes', async () => {
    const [a, b] = await insertMembers(database.db, [makeMember({ email: 'dup.a@example.test' }), makeMember({ email: 'dup.b@example.test' })]);
    const again = await mutate(database.db, (tx, c) => createMember(tx, { displayName: 'X', email: 'DUP.A@example.test' }, c));
    expect(again).toMatchObject({ ok: false, errors: [{ code: 'EMAIL_TAKEN', field: ['input', 'email'] }] });
    const moved = await mutate(database.db, (tx, c) => updateMember(tx, b!.id, { email: 'Dup.A@example.test', displayName: 'Changed' }, c));
    expect(moved).toMatchObject({ ok: false, errors: [{ code: 'EMAIL_TAKEN' }] });
    const [unchanged] = await database.db.select().from(member).where(eq(member.id, b!.id));
    expect(unchanged).toMatchObject({ email: 'dup.b@example.test', displayName: b!.displayName });
    expect(a).toBeTruthy();
  });

  test('an unknown id is MEMBER_NOT_FOUND; tags are trimmed, distinct and bounded', async () => {
    expect(await mutate(database.db, (tx, c) => updateMember(tx, randomUUID(), { displayName: 'X' }, c))).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_NOT_FOUND' }] });
    expect(await mutate(database.db, (tx, c) => updateMember(tx, 'not-a-uuid', { displayName: 'X' }, c))).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_NOT_FOUND' }] });
    const [row] = await insertMembers(database.db, [makeMember()]);
    const tagged = await mutate(database.db, (tx, c) => setMemberTags(tx, row!.id, [' vip ', 'vip', 'ลูกค้าประจำ'], c));
    expect(tagged).toMatchObject({ ok: true, value: { tags: ['vip', 'ลูกค้าประจำ'] } });
    const tooMany = await mutate(database.db, (tx, c) => setMemberTags(tx, row!.id, Array.from({ length: 31 }, (_, i) => `t${i}`), c));
    expect(tooMany).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TAG' }] });
  });
});

describe('search and filters', () => {
  test('a phone number in any format finds its member for contact-data readers only; names in any script', async () => {
    const [thai] = await insertMembers(database.db, [
      makeMember({ displayName: 'นกน้อย ค้นหา', phone: '+66 89 765 4321', email: 'search.thai@example.test' }),
    ]);
    const search = async (query: string, pii = true) => ids(await listMembers(database.db, { filter: { query } }, pii));
    for (const typed of ['089-765-4321', '0897654321', '+66 89 765 4321', '66897654321', '765-4321']) {
      expect(await search(typed)).toEqual([thai!.id]);
    }
    expect(await search('นกน้อย')).toEqual([thai!.id]);
    expect(await search('search.thai@')).toEqual([thai!.id]);
    expect(await search('search.thai@', false)).toEqual([]);
    expect(await search('0897654321', false)).toEqual([]);
  });

  test('tag, consent and disabled filters narrow the list', async () => {
    const [tagged, consenting, disabled] = await insertMembers(database.db, [makeMember(), makeMember(), makeMember()]);
    await mutate(database.db, (tx, c) => setMemberTags(tx, tagged!.id, ['filter-tag'], c));
    await mutate(database.db, (tx, c) => setConsents(tx, consenting!.id, [{ channel: 'LINE', granted: true }], { source: 'CONSOLE', staffId: STAFF }, c));
    await mutate(database.db, (tx, c) => disableMember(tx, disabled!.id, c));
    expect(ids(await listMembers(database.db, { filter: { tag: 'filter-tag' } }))).toEqual([tagged!.id]);
    expect(ids(await listMembers(database.db, { filter: { consent: 'LINE' } }))).toEqual([consenting!.id]);
    expect(ids(await listMembers(database.db, { filter: { disabled: true } }))).toContain(disabled!.id);
    expect(ids(await listMembers(database.db, { filter: { disabled: false }, first: 100 }))).not.toContain(disabled!.id);
  });
});

describe('consents', () => {
  test('each change is one history entry with its source and actor; setting the same state again writes none', async () => {
    const [row] = await insertMembers(database.db, [makeMember()]);
    const set = (granted: boolean) =>
      mutate(database.db, (tx, c) => setConsents(tx, row!.id, [{ channel: 'EMAIL', granted }], { source: 'CONSOLE', staffId: STAFF }, c));
    await set(true);
    await set(true);
    await set(false);
    const history = await database.db.select().from(memberConsentEvent).where(eq(memberConsentEvent.memberId, row!.id));
    expect(history.map((h) => [h.granted, h.source, h.staffId])).toEqual([[true, 'CONSOLE', STAFF], [false, 'CONSOLE', STAFF]]);
  });
});

describe('merge', () => {
  test('the target gains orders, tags, addresses, consents, their history and the contact log; the source ends disabled and merged', async () => {
    const [source, target] = await insertMembers(database.db, [makeMember({ tags: ['a', 'shared'] }), makeMember({ tags: ['shared', 'b'] })]);
    const orderId = randomUUID();
    await database.db.execute(sql`insert into orders."order" (id, number, member_id, channel, total_minor, currency_code)
      values (${orderId}, ${`M-${orderId.slice(0, 8)}`}, ${source!.id}, 'ONLINE_STORE', 100, 'THB')`);
    const address = { name: 'Somchai', line1: '1 Rama IV', city: 'Bangkok', country: 'TH' };
    await mutate(database.db, (tx, c) => addAddress(tx, source!.id, address, c));
    await mutate(database.db, (tx, c) => addAddress(tx, target!.id, address, c));
    await mutate(database.db, (tx, c) => setConsents(tx, source!.id, [{ channel: 'SMS', granted: true }], { source: 'CONSOLE', staffId: STAFF }, c));
    await mutate(database.db, (tx, c) => addContactLogEntry(tx, STAFF, { memberId: source!.id, channel: 'CALL', summary: 'Asked about sizes' }, c));

    const merged = await mutate(database.db, (tx, c) => mergeMembers(tx, { sourceId: source!.id, targetId: target!.id }, c));
    expect(merged).toMatchObject({ ok: true, value: { target: { tags: ['a', 'b', 'shared'] }, source: { mergedIntoId: target!.id } } });

    // Members never imports orders: the merge queues orders' own task, which moves the orders when it runs.
    const [job] = await queuedJobs(database.db, 'orders.memberMerged', `member-merged:${source!.id}`);
    expect(job!.payload).toEqual({ sourceId: source!.id, targetId: target!.id });
    const [unmoved] = await database.db.execute<{ member_id: string }>(sql`select member_id from orders."order" where id = ${orderId}`);
    expect(unmoved!.member_id).toBe(source!.id);
    const addresses = await database.db.select().from(customerAddress).where(eq(customerAddress.memberId, target!.id));
    expect(addresses).toHaveLength(2);
    expect(addresses.filter((a) => a.isDefault)).toHaveLength(1);
    expect(await database.db.select().from(memberConsent).where(eq(memberConsent.memberId, target!.id))).toMatchObject([{ channel: 'SMS', granted: true }]);
    expect(await database.db.select().from(memberConsentEvent).where(eq(memberConsentEvent.memberId, target!.id))).toHaveLength(1);
    expect(await database.db.select().from(contactLogEntry).where(eq(contactLogEntry.memberId, target!.id))).toHaveLength(1);
    const [after] = await database.db.select().from(member).where(eq(member.id, source!.id));
    expect(after!.disabledAt).not.toBeNull();
    expect(after!.tags).toEqual([]);
  });

  test('with itself, an unknown member or a merged one it is a userError and nothing changes', async () => {
    const [a, b, c] = await insertMembers(database.db, [makeMember(), makeMember(), makeMember()]);
    const merge = (sourceId: string, targetId: string) => mutate(database.db, (tx, ch) => mergeMembers(tx, { sourceId, targetId }, ch));
    expect(await merge(a!.id, a!.id)).toMatchObject({ ok: false, errors: [{ code: 'MERGE_WITH_ITSELF' }] });
    expect(await merge(randomUUID(), a!.id)).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_NOT_FOUND', field: ['input', 'sourceId'] }] });
    expect(await merge(a!.id, b!.id)).toMatchObject({ ok: true });
    expect(await merge(a!.id, c!.id)).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_MERGED', field: ['input', 'sourceId'] }] });
    expect(await merge(c!.id, a!.id)).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_MERGED', field: ['input', 'targetId'] }] });
  });

  test('two concurrent merges of the same pair, either way round, leave exactly one merged', async () => {
    const [a, b] = await insertMembers(database.db, [makeMember(), makeMember()]);
    const results = await Promise.all([
      mutate(database.db, (tx, c) => mergeMembers(tx, { sourceId: a!.id, targetId: b!.id }, c)),
      mutate(database.db, (tx, c) => mergeMembers(tx, { sourceId: b!.id, targetId: a!.id }, c)),
      mutate(database.db, (tx, c) => mergeMembers(tx, { sourceId: a!.id, targetId: b!.id }, c)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const rows = await database.db.select().from(member).where(sql`${member.id} in (${a!.id}, ${b!.id})`);
    expect(rows.filter((r) => r.mergedIntoId)).toHaveLength(1);
  });
});

describe('contact log and address book', () => {
  test('a follow-up is due from its day until marked done; a past day or empty summary is refused', async () => {
    const [row] = await insertMembers(database.db, [makeMember()]);
    const bad = await mutate(database.db, (tx, c) => addContactLogEntry(tx, STAFF, { memberId: row!.id, channel: 'CALL', summary: ' ', followUpOn: '2000-01-01' }, c));
    expect(bad).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TEXT' }, { code: 'INVALID_DATE' }] });
    const added = await mutate(database.db, (tx, c) => addContactLogEntry(tx, STAFF, { memberId: row!.id, channel: 'LINE', summary: 'Call back', followUpOn: '2999-12-31' }, c));
    if (!added.ok) throw new Error('not added');
    expect(ids(await followUpsDue(database.db, { asOf: '2999-12-30' }))).not.toContain(added.value.id);
    expect(ids(await followUpsDue(database.db, { asOf: '2999-12-31' }))).toContain(added.value.id);
    expect(await mutate(database.db, (tx, c) => markFollowUpDone(tx, added.value.id, c))).toMatchObject({ ok: true, value: { followUpDone: true } });
    expect(ids(await followUpsDue(database.db, { asOf: '2999-12-31' }))).not.toContain(added.value.id);
  });

  test('the first address is the default; deleting the default passes it on; another member\'s address is not found', async () => {
    const [owner, other] = await insertMembers(database.db, [makeMember(), makeMember()]);
    const address = { name: 'A', line1: '1 Road', city: 'Bangkok', country: 'th', phone: '081 234 5678' };
    const first = await mutate(database.db, (tx, c) => addAddress(tx, owner!.id, address, c));
    const second = await mutate(database.db, (tx, c) => addAddress(tx, owner!.id, address, c));
    if (!first.ok || !second.ok) throw new Error('not added');
    expect([first.value.isDefault, second.value.isDefault, first.value.country]).toEqual([true, false, 'TH']);
    expect(await mutate(database.db, (tx, c) => deleteAddress(tx, other!.id, first.value.id, c))).toMatchObject({ ok: false, errors: [{ code: 'ADDRESS_NOT_FOUND' }] });
    await mutate(database.db, (tx, c) => deleteAddress(tx, owner!.id, first.value.id, c));
    const [left] = await database.db.select().from(customerAddress).where(eq(customerAddress.memberId, owner!.id));
    expect(left).toMatchObject({ id: second.value.id, isDefault: true });
    const badPhone = await mutate(database.db, (tx, c) => addAddress(tx, owner!.id, { ...address, phone: '12' }, c));
    expect(badPhone).toMatchObject({ ok: false, errors: [{ code: 'INVALID_PHONE', field: ['input', 'address', 'phone'] }] });
  });
});
