// The notification channel interface: one call for every message the shop sends a person, on any channel.
import type { Notification } from './notification.js';
import { outboxAdapter } from './notify-outbox.js';
import { smtpAdapter } from './notify-smtp.js';
import { lineStubAdapter, smsStubAdapter, wechatStubAdapter } from './notify-stubs.js';

export type {
  EmailAttachment,
  EmailNotification,
  LineNotification,
  Notification,
  NotificationAdapter,
  NotificationChannel,
  SmsNotification,
  WechatNotification,
} from './notification.js';
export { smsSegments } from './notify-stubs.js';

/**
 * Sends one message through its channel's adapter: e-mail by SMTP (nodemailer) when `SMTP_URL` is set, else to the
 * outbox file (`NOTIFY_OUTBOX_FILE`); SMS, LINE and WeChat through stubs that write the provider's request body to
 * the outbox file. Nothing leaves the machine unless an operator configured a mail server. The environment is read
 * per call: tests and scripts may set it after import. Throws when delivery fails, so callers run it inside an
 * idempotent, retried job (or report the failure).
 */
export function sendNotification(message: Notification): Promise<void> {
  switch (message.channel) {
    case 'email': {
      const smtpUrl = process.env.SMTP_URL;
      return smtpUrl ? smtpAdapter(smtpUrl)(message) : outboxAdapter(message);
    }
    case 'sms':
      return smsStubAdapter(message);
    case 'line':
      return lineStubAdapter(message);
    case 'wechat':
      return wechatStubAdapter(message);
  }
}
