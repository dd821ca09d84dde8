// The SMTP notification adapter (nodemailer), used when SMTP_URL is set.
import { createTransport, type Transporter } from 'nodemailer';
import { log } from './log.js';
import type { EmailNotification, NotificationAdapter } from './notification.js';

/** One transport per server URL, reused across messages. */
const transports = new Map<string, Transporter>();

function transport(url: string): Transporter {
  let found = transports.get(url);
  if (!found) {
    // smtp://user:pass@host:587 or smtps://…:465; nodemailer reads further options from the query
    // (?pool=true&connectionTimeout=10000), and options given beside a URL would be ignored.
    found = createTransport(url);
    transports.set(url, found);
  }
  return found;
}

/** Sends through the server at `url`, from `NOTIFY_FROM` (default shop@localhost); logs without the address. */
export function smtpAdapter(url: string): NotificationAdapter<EmailNotification> {
  return async (message) => {
    await transport(url).sendMail({
      from: process.env.NOTIFY_FROM || 'shop@localhost',
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments?.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
    });
    log.info({ channel: message.channel, subject: message.subject }, 'notification sent by SMTP');
  };
}
