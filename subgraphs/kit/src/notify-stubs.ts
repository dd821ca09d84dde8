// Stub adapters for SMS, LINE and WeChat: they build the request body each provider's API takes and write it to the
// outbox file instead of sending it (no network), so the message shapes are exercised and visible in development.
import type { LineNotification, NotificationAdapter, SmsNotification, WechatNotification } from './notification.js';
import { writeToOutbox } from './notify-outbox.js';

const GSM7 = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;

/** How an SMS is encoded and in how many segments it goes: GSM-7 160/153 per segment, else UCS-2 70/67. */
export function smsSegments(text: string): { encoding: 'GSM7' | 'UCS2'; segments: number } {
  const gsm = GSM7.test(text);
  // GSM-7's extension characters take two septets; UCS-2 counts UTF-16 units, so an emoji takes two as well.
  const units = gsm ? text.length + (text.match(/[\^{}\\[~\]|€]/g)?.length ?? 0) : text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return { encoding: gsm ? 'GSM7' : 'UCS2', segments: units <= single ? 1 : Math.ceil(units / multi) };
}

/** The SMS gateway body: number, text, encoding and segment count (what a provider bills). */
export const smsStubAdapter: NotificationAdapter<SmsNotification> = (message) =>
  writeToOutbox(message, { to: message.to, text: message.text, ...smsSegments(message.text) });

/** The LINE Messaging API push body: a text message, then a buttons template when there are buttons. */
export const lineStubAdapter: NotificationAdapter<LineNotification> = (message) => {
  const buttons = (message.buttons ?? []).slice(0, 4);
  const messages: unknown[] = [{ type: 'text', text: message.text }];
  if (buttons.length) {
    messages.push({
      type: 'template',
      altText: message.text.slice(0, 400),
      template: {
        type: 'buttons',
        text: message.text.slice(0, 160),
        actions: buttons.map((b) => ({ type: 'uri', label: b.label.slice(0, 20), uri: b.url })),
      },
    });
  }
  return writeToOutbox(message, { to: message.to, messages });
};

/** The WeChat official account template message body: keyword fields as `{ value }`. */
export const wechatStubAdapter: NotificationAdapter<WechatNotification> = (message) => {
  const data: Record<string, { value: string }> = { first: { value: message.first } };
  message.keywords.forEach((value, i) => (data[`keyword${i + 1}`] = { value }));
  data.remark = { value: message.remark };
  return writeToOutbox(message, {
    touser: message.to,
    template_id: message.templateId,
    ...(message.url ? { url: message.url } : {}),
    data,
  });
};
