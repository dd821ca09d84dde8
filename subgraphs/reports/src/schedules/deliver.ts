// Delivering one period of a schedule: the report file by e-mail, into a drop folder, or to a signed webhook.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '@shop/access/webhooks';
import type { Db } from '@shop/kit';
import { sendNotification } from '@shop/kit/notify';
import { localSecret } from '@shop/kit/secrets';
import { CONTENT_TYPES, reportFileBytes, type ExportFormat } from '../exports/render.js';
import { reportTable } from '../exports/report-table.js';
import { queryOf } from '../saved-reports/query.js';
import { savedReport } from '../saved-reports/tables.js';
import { reportText } from '../messages/index.js';
import type { ScheduleDelivery } from './periods.js';
import { reportDelivery, reportSchedule } from './tables.js';

/** REPORT_DROP_DIR, else <DATA_DIR or .data>/report-drops; a schedule's target is one folder name inside it. */
export function reportDropDir(): string {
  return resolve(process.env.REPORT_DROP_DIR ?? join(process.env.DATA_DIR ?? '.data', 'report-drops'));
}

/** The secret scheduled-report webhooks are signed with (as partner webhooks are): REPORT_WEBHOOK_SECRET, else one kept in DATA_DIR. */
export function reportWebhookSecret(): string {
  return localSecret('REPORT_WEBHOOK_SECRET', 'report-webhook-secret');
}

/** A name safe in any file system: letters (with their marks) and digits of any script kept, everything else one dash. */
function fileStem(name: string): string {
  return name.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'report';
}

/** Same name for the same period: a retried drop overwrites its own file instead of adding another. */
export function deliveryFileName(reportName: string, period: { from: string; to: string }, format: ExportFormat): string {
  return `${fileStem(reportName)}_${period.from}_${period.to}.${format.toLowerCase()}`;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Renders and sends one queued delivery, then marks it DELIVERED; a delivered one is left alone (a job run twice).
 * Throws when sending fails, after recording an error code, so the job retries with back-off. `db` is the pool.
 */
export async function deliverPeriod(db: Db, deliveryId: string): Promise<void> {
  const [found] = await db
    .select({ delivery: reportDelivery, schedule: reportSchedule, report: savedReport })
    .from(reportDelivery)
    .innerJoin(reportSchedule, eq(reportSchedule.id, reportDelivery.scheduleId))
    .innerJoin(savedReport, eq(savedReport.id, reportSchedule.savedReportId))
    .where(eq(reportDelivery.id, deliveryId));
  if (!found || found.delivery.status === 'DELIVERED') return;
  const { delivery, schedule, report } = found;
  const period = { from: delivery.periodFrom, to: delivery.periodTo };
  const format = schedule.format as ExportFormat;
  // The period replaces the report's own range: a weekly delivery of any saved report covers that week.
  const table = await reportTable(db, queryOf({ ...report.definition, rangePreset: null, range: period }), schedule.runScopes);
  const file = { name: deliveryFileName(report.name, period, format), bytes: await reportFileBytes(table, format) };
  try {
    await send(schedule.delivery as ScheduleDelivery, schedule.target, file, format, { reportName: report.name, ...period });
  } catch (error) {
    await db.update(reportDelivery).set({ status: 'FAILED', errorCode: 'DELIVERY_FAILED', updatedAt: new Date() }).where(eq(reportDelivery.id, deliveryId));
    throw error;
  }
  await db
    .update(reportDelivery)
    .set({ status: 'DELIVERED', rowCount: table.rows.length, errorCode: null, deliveredAt: new Date(), updatedAt: new Date() })
    .where(eq(reportDelivery.id, deliveryId));
}

async function send(
  delivery: ScheduleDelivery,
  target: string,
  file: { name: string; bytes: Buffer },
  format: ExportFormat,
  about: { reportName: string; from: string; to: string },
): Promise<void> {
  switch (delivery) {
    case 'FILE_DROP': {
      const folder = join(reportDropDir(), target);
      await mkdir(folder, { recursive: true });
      // Written aside, then renamed: a reader of the folder never picks up half a file.
      const partial = join(folder, `.${file.name}.${randomUUID()}.part`);
      await writeFile(partial, file.bytes);
      await rename(partial, join(folder, file.name));
      return;
    }
    case 'EMAIL': {
      const { subject, text } = reportText('scheduledReport', process.env.REPORT_MAIL_LOCALE, about);
      await sendNotification({ channel: 'email', to: target, subject, text, attachments: [{ filename: file.name, contentType: CONTENT_TYPES[format], content: file.bytes }] });
      return;
    }
    case 'WEBHOOK': {
      const id = randomUUID();
      const timestamp = Math.floor(Date.now() / 1000);
      const body = JSON.stringify({ id, type: 'report.delivered', report: about.reportName, period: { from: about.from, to: about.to }, format, fileName: file.name, contentBase64: file.bytes.toString('base64') });
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ID_HEADER]: id, [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: webhookSignature(reportWebhookSecret(), timestamp, body) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`report webhook answered ${response.status}`);
      return;
    }
  }
}
