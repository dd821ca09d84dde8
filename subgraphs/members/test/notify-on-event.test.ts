import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { log, logSink, withTx, type Db } from '@shop/kit';
import { publishEvent, type DomainEvent } from '@shop/kit/domain-events';
import { smsSegments, type LineNotification, type SmsNotification, type WechatNotification } from '@shop/kit/notify';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { readOutboxLines, useTestOutbox } from '../../../tests/kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { members } from '../src/index.js';
import { memberMessagingId } from '../src/channel-ids/index.js';
import { EVENT_TEMPLATES, NOTIFY_ON_EVENT_TASK } from '../src/notifications/index.js';
import { notification } from '../src/notifications/tables.js';
import { member, memberConsent, type ConsentChannel } from '../src/tables.js';
import { insertMembers, makeMember } from './factories.js';

const outbox = useTestOutbox();
const notifyOnEvent = members.tasks[NOTIFY_ON_EVENT_TASK]!;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A member with the given locale who consented to `channels` and linked LINE and WeChat. */
async function memberWith(channels: ConsentChannel[], locale: 'en' | 'th' | 'zh-CN' | 'zh-TW' | 'ar' = 'en') {
  const [m] = await insertMembers(database.db, [makeMember({ locale })]);
  for (const channel of channels) await database.db.insert(memberConsent).values({ memberId: m!.id, channel, granted: true });
  await database.db.insert(memberMessagingId).values([
    { memberId: m!.id, channel: 'LINE', externalId: `U${m!.id.replaceAll('-', '')}` },
    { memberId: m!.id, channel: 'WECHAT', externalId: `o-${m!.id}` },
  ]);
  return m!;
}

/** Publishes an event as orders does (in a transaction) and returns the payload its notification job carries. */
async function published(event: Omit<DomainEvent, 'id' | 'occurredAt'>): Promise<DomainEvent> {
  const sent = await withTx(database.db, (tx: Db) => publishEvent(tx, event));
  const [job] = await queuedJobs(database.db, NOTIFY_ON_EVENT_TASK, `${NOTIFY_ON_EVENT_TASK}:${sent.id}`);
  return job!.payload as DomainEvent;
}

const shipped = (memberId: string | null, orderNumber = `SO-${Math.floor(Math.random() * 900000) + 100000}`) =>
  published({ type: 'order.status_changed', subject: { orderId: randomUUID(), orderNumber, memberId }, data: { from: 'FULFILLING', to: 'SHIPPED' } });

/** Outbox lines written while `fn` runs. */
async function sentDuring(fn: () => Promise<unknown>) {
  const before = readOutboxLines(outbox).length;
  await fn();
  return readOutboxLines(outbox).slice(before);
}

describe('members.notifyOnEvent', () => {
  test('sends on each consented channel only, in the member locale, with each channel shape', async () => {
    const m = await memberWith(['SMS', 'LINE', 'WECHAT'], 'th');
    const event = await shipped(m.id, 'SO-204611');
    const sent = await sentDuring(() => notifyOnEvent(event, database.db));
    expect(sent.map((n) => n.channel).sort()).toEqual(['line', 'sms', 'wechat']);
    const sms = sent.find((n) => n.channel === 'sms') as SmsNotification & { payload: { encoding: string; segments: number } };
    expect(sms).toMatchObject({ to: m.phoneE164, text: 'คำสั่งซื้อ SO-204611 จัดส่งแล้ว' });
    expect(sms.payload).toMatchObject({ encoding: 'UCS2', segments: 1 });
    const line = sent.find((n) => n.channel === 'line') as LineNotification & { payload: { messages: { type: string }[] } };
    expect(line.text).toContain('คำสั่งซื้อ SO-204611 ของคุณกำลังเดินทางไปหาคุณ');
    expect(line.buttons).toEqual([{ label: 'ดูคำสั่งซื้อ', url: expect.stringContaining('/orders/SO-204611') }]);
    expect(line.payload.messages.map((x) => x.type)).toEqual(['text', 'template']);
    const wechat = sent.find((n) => n.channel === 'wechat') as WechatNotification & { payload: { data: Record<string, { value: string }> } };
    expect(wechat.payload.data).toMatchObject({ keyword1: { value: 'SO-204611' }, keyword2: { value: 'จัดส่งแล้ว' } });
  });

  test('e-mail goes only with e-mail consent; a revoked channel gets nothing', async () => {
    const m = await memberWith(['EMAIL'], 'ar');
    await database.db.insert(memberConsent).values({ memberId: m.id, channel: 'SMS', granted: false });
    const sent = await sentDuring(async () => notifyOnEvent(await shipped(m.id, 'SO-300001'), database.db));
    expect(sent).toMatchObject([{ channel: 'email', to: m.email, subject: 'تم شحن الطلب SO-300001' }]);
    const silent = await memberWith([]);
    expect(await sentDuring(async () => notifyOnEvent(await shipped(silent.id), database.db))).toEqual([]);
  });

  test('a retried or concurrently repeated job sends each channel once (keyed by event id and channel)', async () => {
    const m = await memberWith(['EMAIL', 'SMS']);
    const event = await shipped(m.id);
    const sent = await sentDuring(async () => {
      await Promise.all(Array.from({ length: 4 }, () => notifyOnEvent(event, database.db)));
      await notifyOnEvent(event, database.db);
    });
    expect(sent.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    const keys = await database.db.select({ key: notification.idempotencyKey }).from(notification).where(like(notification.idempotencyKey, `event:${event.id}:%`));
    expect(keys.map((k) => k.key).sort()).toEqual([`event:${event.id}:EMAIL`, `event:${event.id}:SMS`]);
  });

  test('no notification without a member, for statuses members are not told about (or told otherwise), or for a member who is gone', async () => {
    const m = await memberWith(['EMAIL']);
    const gone = await memberWith(['EMAIL']);
    await database.db.update(member).set({ archivedAt: new Date() }).where(eq(member.id, gone.id));
    const sent = await sentDuring(async () => {
      await notifyOnEvent(await shipped(null), database.db);
      await notifyOnEvent(
        await published({ type: 'order.status_changed', subject: { orderId: randomUUID(), orderNumber: 'SO-1', memberId: m.id }, data: { from: 'PENDING_PAYMENT', to: 'PAID' } }),
        database.db,
      );
      await notifyOnEvent(await shipped(gone.id), database.db);
      // The refund itself is told by after_sales.refunded (with its amount), not by the status change.
      await notifyOnEvent(
        await published({ type: 'after_sales.status_changed', subject: { orderId: randomUUID(), orderNumber: 'SO-2', memberId: m.id }, data: { from: 'RECEIVED', to: 'REFUNDED' } }),
        database.db,
      );
      await notifyOnEvent({ id: 'not-an-event' }, database.db);
    });
    expect(sent).toEqual([]);
  });

  test('each event kind renders in its locale: delivery failure, after-sales status and refund', async () => {
    const m = await memberWith(['EMAIL'], 'zh-CN');
    const subject = { orderId: randomUUID(), orderNumber: 'SO-777', memberId: m.id };
    const sent = await sentDuring(async () => {
      await notifyOnEvent(await published({ type: 'delivery_exception.opened', subject, data: { kind: 'FAILED_DELIVERY' } }), database.db);
      await notifyOnEvent(await published({ type: 'after_sales.status_changed', subject, data: { from: 'REQUESTED', to: 'APPROVED' } }), database.db);
      await notifyOnEvent(await published({ type: 'after_sales.refunded', subject, data: { amount: '250.00', currencyCode: 'THB' } }), database.db);
      await notifyOnEvent(await published({ type: 'shipment.created', subject, data: { trackingNumber: 'TH123456789' } }), database.db);
    });
    expect(sent.map((n) => n.channel === 'email' && n.subject)).toEqual([
      '订单 SO-777 派送失败',
      '订单 SO-777 的售后申请：已批准',
      '订单 SO-777 退款',
      '订单 SO-777 的包裹已备好',
    ]);
    expect(sent[2]!.channel === 'email' && sent[2]!.text).toContain('250.00 THB');
    expect(sent[3]!.channel === 'email' && sent[3]!.text).toContain('TH123456789');
  });

  test('the log records the event and channels, never the address or the text', async () => {
    const m = await memberWith(['EMAIL', 'SMS', 'LINE']);
    const event = await shipped(m.id, 'SO-555001');
    const lines: string[] = [];
    const write = logSink.write;
    const level = log.level;
    logSink.write = (line) => void lines.push(line);
    log.level = 'trace';
    onTestFinished(() => {
      logSink.write = write;
      log.level = level;
    });
    await notifyOnEvent(event, database.db);
    const logged = lines.join('');
    expect(logged).toContain('event notification handled');
    for (const secret of [m.email, m.phoneE164!, `U${m.id.replaceAll('-', '')}`, 'has shipped']) expect(logged).not.toContain(secret);
  });

  test('every event message renders in all five locales, and its SMS line fits one segment', () => {
    for (const [locale, templates] of Object.entries(EVENT_TEMPLATES)) {
      for (const [code, render] of Object.entries(templates)) {
        const message = render({ orderNumber: 'SO-100234', status: 'RECEIVED', amount: '1,250.00 THB' });
        for (const part of Object.values(message)) expect(part, `${locale} ${code}`).not.toMatch(/undefined|^$/);
        expect(smsSegments(message.short).segments, `${locale} ${code}: ${message.short}`).toBe(1);
      }
    }
  });
});
