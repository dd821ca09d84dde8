import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { withTx } from '@shop/kit';
import { readOutbox, useTestOutbox } from '../../../tests/kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { members } from '../src/index.js';
import { NOTIFY_TASK, notifyMember, TEMPLATES } from '../src/notifications/index.js';
import { notification } from '../src/notifications/tables.js';
import { memberConsent } from '../src/tables.js';
import { insertMembers, makeMember } from './factories.js';

const outbox = useTestOutbox();
const notify = members.tasks[NOTIFY_TASK]!;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(notification);
});

async function jobPayloads(key: string) {
  const rows = await database.db.execute<{ payload: Record<string, unknown> }>(
    sql`select payload from graphile_worker._private_jobs where key = ${`notify:${key}`}`,
  );
  return rows.map((r) => r.payload);
}

describe('members.notify', () => {
  test('notifyMember enqueues ids and the template only; the job sends in the member locale and writes the address only to the outbox', async () => {
    const [somchai] = await insertMembers(database.db, [makeMember({ displayName: 'สมชาย', email: 'somchai.n@example.test', locale: 'th' })]);
    await withTx(database.db, (tx) =>
      notifyMember(tx, { memberId: somchai!.id, template: 'tierChange', params: { tier: 'GOLD' }, idempotencyKey: `tier:${somchai!.id}:1` }),
    );
    const [payload] = await jobPayloads(`tier:${somchai!.id}:1`);
    expect(JSON.stringify(payload)).not.toContain('somchai.n@example.test');
    expect(JSON.stringify(payload)).not.toContain('สมชาย');

    const before = readOutbox(outbox).length;
    await notify(payload, database.db);
    const sent = readOutbox(outbox).slice(before);
    expect(sent).toMatchObject([{ channel: 'email', to: 'somchai.n@example.test', subject: 'ระดับสมาชิกของคุณเปลี่ยนแล้ว' }]);
    expect(sent[0]!.text).toContain('โกลด์');
  });

  test('the same idempotency key sends once, also when the jobs run at the same time', async () => {
    const [m] = await insertMembers(database.db, [makeMember({ locale: 'ar' })]);
    const payload = { memberId: m!.id, template: 'tierChange', params: { tier: 'SILVER' }, idempotencyKey: `tier:${m!.id}:2` };
    const before = readOutbox(outbox).length;
    await Promise.all(Array.from({ length: 5 }, () => notify(payload, database.db)));
    await notify(payload, database.db);
    const sent = readOutbox(outbox).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('تغيّر مستوى عضويتك');
    expect(await database.db.$count(notification, eq(notification.idempotencyKey, payload.idempotencyKey))).toBe(1);
  });

  test('a marketing message goes only to a member who granted e-mail consent', async () => {
    const [granted, silent] = await insertMembers(database.db, [makeMember(), makeMember()]);
    await database.db.insert(memberConsent).values({ memberId: granted!.id, channel: 'EMAIL', granted: true });
    const before = readOutbox(outbox).length;
    for (const m of [granted!, silent!]) {
      await notify({ memberId: m.id, template: 'winBack', params: {}, idempotencyKey: `winBack:${m.id}` }, database.db);
    }
    expect(readOutbox(outbox).slice(before).map((n) => n.to)).toEqual([granted!.email]);
  });

  test('every template renders a subject and a text in all five locales', () => {
    for (const [code, template] of Object.entries(TEMPLATES)) {
      for (const locale of ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const) {
        const { subject, text } = template.locales[locale]({ name: 'N', params: { token: 't', minutes: 30, points: 5, tier: 'GOLD' } });
        expect(subject.length, `${code} ${locale}`).toBeGreaterThan(0);
        expect(text, `${code} ${locale}`).not.toContain('undefined');
      }
    }
  });
});
