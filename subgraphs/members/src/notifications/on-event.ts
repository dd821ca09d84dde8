// The `members.notifyOnEvent` task: tells a member about their order's business events, on each channel they
// consented to, once per event and channel.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { log, type Db } from '@shop/kit';
import { DOMAIN_EVENT_TYPES, type DomainEvent } from '@shop/kit/domain-events';
import { sendNotification, type Notification } from '@shop/kit/notify';
import { member, memberConsent, type ConsentChannel } from '../tables.js';
import type { MemberLocale } from '../service.js';
import { EVENT_CHROME, renderEventMessage, type EventMessage, type EventParams, type EventTemplateCode } from './event-templates.js';
import { memberMessagingId } from '../channel-ids/tables.js';
import { notification } from './tables.js';

export const NOTIFY_ON_EVENT_TASK = 'members.notifyOnEvent';

const STOREFRONT_URL = (process.env.STOREFRONT_URL ?? 'http://localhost:3000/store').replace(/\/+$/, '');
/** The official account's template for order updates (WeChat templates are registered per account). */
const WECHAT_ORDER_TEMPLATE = process.env.WECHAT_ORDER_TEMPLATE_ID ?? 'ORDER_STATUS_UPDATE';

/** Order statuses a member hears about; other transitions (paid, processing) are visible in their account only. */
const ORDER_STATUS_TEMPLATES: Record<string, EventTemplateCode> = {
  SHIPPED: 'orderShipped',
  DELIVERED: 'orderDelivered',
  CANCELLED: 'orderCancelled',
};

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Which message an event makes, with its parameters; null when the member is not told about it. */
function messageFor(event: DomainEvent): { template: EventTemplateCode; params: EventParams } | null {
  const { data } = event;
  const params: EventParams = { orderNumber: event.subject.orderNumber };
  switch (event.type) {
    case 'order.status_changed': {
      const template = ORDER_STATUS_TEMPLATES[text(data.to) ?? ''];
      return template ? { template, params } : null;
    }
    case 'shipment.created':
      return { template: 'shipmentCreated', params: { ...params, trackingNumber: text(data.trackingNumber) } };
    case 'delivery_exception.opened':
      return { template: 'deliveryFailed', params };
    case 'after_sales.status_changed': {
      const status = text(data.to);
      // A refund is told by after_sales.refunded, with its amount: one message, not two.
      return status && status !== 'REFUNDED' ? { template: 'afterSalesStatus', params: { ...params, status } } : null;
    }
    case 'after_sales.refunded': {
      // `amount` is a decimal string in the event's currency, as after-sales publishes it.
      const amount = text(data.amount);
      const currency = text(data.currencyCode);
      return amount && currency ? { template: 'afterSalesRefunded', params: { ...params, amount: `${amount} ${currency}` } } : null;
    }
    default:
      return null;
  }
}

const CHANNELS: Record<ConsentChannel, Notification['channel']> = { EMAIL: 'email', SMS: 'sms', LINE: 'line', WECHAT: 'wechat' };

/** Who to send to on which channel: consented channels that have an address; nothing for a member who is gone. */
async function recipientOf(db: Db, memberId: string) {
  const [found] = await db
    .select({ name: member.displayName, email: member.email, phone: member.phoneE164, locale: member.locale, gone: member.archivedAt, mergedIntoId: member.mergedIntoId })
    .from(member)
    .where(eq(member.id, memberId));
  if (!found || found.gone || found.mergedIntoId) return null;
  const consented = await db
    .select({ channel: memberConsent.channel })
    .from(memberConsent)
    .where(and(eq(memberConsent.memberId, memberId), eq(memberConsent.granted, true)));
  const appIds = new Map(
    (await db.select().from(memberMessagingId).where(eq(memberMessagingId.memberId, memberId))).map((row) => [row.channel, row.externalId]),
  );
  const addresses: Partial<Record<ConsentChannel, string | null>> = {
    EMAIL: found.email,
    SMS: found.phone,
    LINE: appIds.get('LINE'),
    WECHAT: appIds.get('WECHAT'),
  };
  const channels = consented.flatMap(({ channel }) => (addresses[channel] ? [{ channel, to: addresses[channel]! }] : []));
  return { name: found.name, locale: found.locale, channels };
}

/** The message shaped for one channel. */
function shape(
  channel: ConsentChannel,
  to: string,
  recipient: { name: string; locale: MemberLocale | null },
  event: DomainEvent,
  message: EventMessage,
): Notification {
  const chrome = EVENT_CHROME[recipient.locale ?? 'en'];
  const orderUrl = `${STOREFRONT_URL}/orders/${encodeURIComponent(event.subject.orderNumber)}`;
  switch (CHANNELS[channel]) {
    case 'email':
      return { channel: 'email', to, subject: message.subject, text: `${chrome.hello(recipient.name)}\n\n${message.text}\n\n${orderUrl}\n\n${chrome.thanks}` };
    case 'sms':
      return { channel: 'sms', to, text: message.short };
    case 'line':
      return { channel: 'line', to, text: `${chrome.hello(recipient.name)}\n${message.text}`, buttons: [{ label: chrome.viewOrder, url: orderUrl }] };
    case 'wechat':
      return {
        channel: 'wechat',
        to,
        templateId: WECHAT_ORDER_TEMPLATE,
        first: message.subject,
        keywords: [event.subject.orderNumber, message.status],
        remark: chrome.thanks,
        url: orderUrl,
      };
  }
}

const eventSchema = z.object({
  id: z.uuid(),
  type: z.enum(DOMAIN_EVENT_TYPES),
  occurredAt: z.string(),
  subject: z.object({ orderId: z.string(), orderNumber: z.string(), memberId: z.uuid().nullable() }),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/**
 * Sends the event's message to its member on every consented channel that has an address, in the member's locale.
 * Each channel is recorded under `event:<event id>:<channel>` in the same transaction as its send: a retry (or a
 * duplicate job running at the same time, which waits on the unique key) sends only what did not go yet, and a
 * failed send rolls its key back. Guest orders (no member) and events members are not told about send nothing.
 */
export async function notifyOnEventTask(payload: unknown, db: Db): Promise<void> {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) {
    log.error({ task: NOTIFY_ON_EVENT_TASK }, 'event notification job with a malformed payload dropped');
    return;
  }
  const event = parsed.data as DomainEvent;
  const memberId = event.subject.memberId;
  const wanted = memberId ? messageFor(event) : null;
  if (!memberId || !wanted) return;
  const recipient = await recipientOf(db, memberId);
  if (!recipient) return;
  const message = renderEventMessage(wanted.template, recipient.locale, wanted.params);
  let sent = 0;
  for (const { channel, to } of recipient.channels) {
    const delivered = await db.transaction(async (tx) => {
      const [recorded] = await tx
        .insert(notification)
        .values({ idempotencyKey: `event:${event.id}:${channel}`, memberId, template: wanted.template })
        .onConflictDoNothing()
        .returning({ id: notification.id });
      if (!recorded) return false;
      await sendNotification(shape(channel, to, recipient, event, message));
      return true;
    });
    if (delivered) sent += 1;
  }
  log.info({ task: NOTIFY_ON_EVENT_TASK, eventType: event.type, template: wanted.template, channelsSent: sent }, 'event notification handled');
}
