// The notification channel interface: one call for every message the shop sends a person.
import type { Notification, NotificationAdapter } from './notification.js';
import { outboxAdapter } from './notify-outbox.js';
import { smtpAdapter } from './notify-smtp.js';

export type { Notification, NotificationAdapter } from './notification.js';

/**
 * The adapter for the current environment: SMTP (nodemailer) when `SMTP_URL` is
 * set, else the outbox file (`NOTIFY_OUTBOX_FILE`), so nothing leaves the machine
 * unless an operator configured a mail server. Read per call: tests and scripts
 * may set the variables after import.
 */
function adapter(): NotificationAdapter {
  const smtpUrl = process.env.SMTP_URL;
  return smtpUrl ? smtpAdapter(smtpUrl) : outboxAdapter;
}

/**
 * Sends one message through the configured adapter. Throws when delivery fails,
 * so callers run it inside an idempotent, retried job (or report the failure).
 */
export function sendNotification(message: Notification): Promise<void> {
  return adapter()(message);
}
