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
 * Appends the message (and, from a channel stub, the provider request body it would have sent) as one line — a
 * single append, so concurrent writers do not interleave lines — and logs that it did, with the channel only: the
 * address is contact data and the text may hold a one-time token.
 */
export async function writeToOutbox(message: Notification, payload?: unknown): Promise<void> {
  const line = JSON.stringify({ at: new Date().toISOString(), ...withEncodedAttachments(message), ...(payload === undefined ? {} : { payload }) });
  await appendFile(outboxFile(), `${line}\n`, { encoding: 'utf8', mode: 0o600 });
  log.info({ channel: message.channel }, 'notification written to the outbox file');
}

/** Attachments as base64 (what a MIME part carries), so a line stays one line of JSON and a test can read the file back. */
function withEncodedAttachments(message: Notification) {
  if (message.channel !== 'email' || !message.attachments) return message;
  return {
    ...message,
    attachments: message.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, contentBase64: content.toString('base64') })),
  };
}

export const outboxAdapter: NotificationAdapter = (message) => writeToOutbox(message);
