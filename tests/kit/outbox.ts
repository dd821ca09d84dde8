// The notification outbox file (kit notify-outbox.ts) as tests read it: one file per test file.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmailNotification, Notification } from '@shop/kit/notify';

/** Points NOTIFY_OUTBOX_FILE at a fresh file for this test file (and no SMTP) and returns its path. */
export function useTestOutbox(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'shop-outbox-')), 'notifications.jsonl');
  process.env.NOTIFY_OUTBOX_FILE = file;
  delete process.env.SMTP_URL;
  return file;
}

/** Every line written so far, oldest first, with the provider body a channel stub built (`payload`). */
export function readOutboxLines(file: string): Array<Notification & { at: string; payload?: unknown }> {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Notification & { at: string; payload?: unknown });
}

/** Every e-mail written so far, oldest first (other channels' lines left out). */
export function readOutbox(file: string): Array<EmailNotification & { at: string }> {
  return readOutboxLines(file).filter((line): line is EmailNotification & { at: string } => line.channel === 'email');
}
