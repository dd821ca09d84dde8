import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { privacyPartDone } from '../src/commands.js';
import { exportDocument } from '../src/privacy/index.js';
import { requestPrivacy } from '../src/privacy/service.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 8 });
});
afterAll(() => database.close());

async function ask(kind: 'EXPORT' | 'ERASE', memberId?: string) {
  const id = memberId ?? (await insertMembers(database.db, [makeMember()]))[0]!.id;
  const result = await database.db.transaction((tx) => requestPrivacy(tx, { memberId: id, kind, reason: kind === 'ERASE' ? 'test' : null, requestedBy: null }, []));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const statusOf = async (id: string) =>
  (await database.db.execute<{ status: string; completed: boolean }>(sql`select status, completed_at is not null as completed from members.privacy_request where id = ${id}`))[0]!;

describe('privacy requests', () => {
  test('asking enqueues one job per domain holding member data, in the same transaction, with ids only', async () => {
    const request = await ask('EXPORT');
    const jobs = await database.db.execute<{ task: string; payload: Record<string, string> }>(sql`
      select t.identifier as task, j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where j.key like ${`privacy:${request.id}:%`} order by t.identifier`);
    expect(jobs.map((j) => j.task)).toEqual(['coupons.privacyExport', 'members.privacyExport', 'orders.privacyExport', 'products.privacyExport']);
    expect(jobs.every((j) => Object.keys(j.payload).sort().join() === 'memberId,requestId')).toBe(true);
  });

  test('the parts reported at once complete the request exactly once; a part reported again changes nothing', async () => {
    const request = await ask('EXPORT');
    await Promise.all(
      (['members', 'orders', 'products', 'coupons'] as const).map((domain) =>
        database.db.transaction((tx) => privacyPartDone(tx, request.id, domain, { domain, amountMinor: 1234n })),
      ),
    );
    expect(await statusOf(request.id)).toEqual({ status: 'DONE', completed: true });
    await database.db.transaction((tx) => privacyPartDone(tx, request.id, 'orders', { changed: true }));
    const file = await exportDocument(database.db, request.id);
    expect(file).toMatchObject({ orders: { domain: 'orders', amountMinor: '1234' }, members: { domain: 'members' } });
    const purges = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`privacyPurge:${request.id}`}`);
    expect(purges[0]!.n).toBe(1);
  });

  test('an export finishing after an erasure was asked keeps no data, and exporting an erased member is MEMBER_ERASED', async () => {
    const exported = await ask('EXPORT');
    await ask('ERASE', exported.memberId);
    for (const domain of ['members', 'orders', 'products', 'coupons'] as const) {
      await database.db.transaction((tx) => privacyPartDone(tx, exported.id, domain, { secret: 'still here' }));
    }
    const [kept] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.privacy_request_part where request_id = ${exported.id} and data is not null`);
    expect(kept!.n).toBe(0);
    const refused = await database.db.transaction((tx) => requestPrivacy(tx, { memberId: exported.memberId, kind: 'EXPORT', requestedBy: null }, []));
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_ERASED', field: ['input', 'memberId'] }] });
  });

  test('an erasure without a reason is INVALID_TEXT and an unknown member MEMBER_NOT_FOUND, with nothing written', async () => {
    const [member] = await insertMembers(database.db, [makeMember()]);
    const noReason = await database.db.transaction((tx) => requestPrivacy(tx, { memberId: member!.id, kind: 'ERASE', reason: '  ', requestedBy: null }, []));
    expect(noReason).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TEXT', field: ['input', 'reason'] }] });
    const unknown = await database.db.transaction((tx) => requestPrivacy(tx, { memberId: '00000000-0000-4000-8000-000000000000', kind: 'EXPORT', requestedBy: null }, []));
    expect(unknown).toMatchObject({ ok: false, errors: [{ code: 'MEMBER_NOT_FOUND' }] });
    const [rows] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.privacy_request where member_id = ${member!.id}`);
    expect(rows!.n).toBe(0);
  });
});
