// The default notification adapter: one JSON line per message in a local file, for development and tests.
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from './log.js';
import type { Notification, NotificationAdapter } from './notification.js';

/** Where the outbox file is: `NOTIFY_OUTBOX_FILE`, else shop-graph-notifications.jsonl in the OS temp folder. */
export function outboxFile(): string {
  return process.env.NOTIFY_OUTBOX_FILE || join(tmpdir(), 'shop-graph-notifications.jsonl');
}

/**
 * Appends the message as one line (a single append, so concurrent writers do
 * not interleave lines) and logs that it did, without the address or the text:
 * the text may hold a one-time token.
 */
export const outboxAdapter: NotificationAdapter = async (message: Notification) => {
  const line = JSON.stringify({ at: new Date().toISOString(), ...message });
  await appendFile(outboxFile(), `${line}\n`, { encoding: 'utf8', mode: 0o600 });
  log.info({ channel: message.channel, subject: message.subject }, 'notification written to the outbox file');
};
