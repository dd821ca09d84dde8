// A CODES batch as CSV, streamed through a short-lived signed link (GET /exports/coupons/batches/<id>.csv on the gateway).
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { signedLinks, type LinkCheck } from '@shop/kit/signed-links';
import { couponCode } from '../coupon-codes/tables.js';

/** How long a link works; the console asks for a fresh one each time it shows the batch. */
export const CODES_LINK_TTL_MS = 15 * 60_000;
const PAGE = 5_000;

const links = signedLinks('coupon-codes', CODES_LINK_TTL_MS);

/** The gateway path of a batch's CSV, signed and valid for CODES_LINK_TTL_MS. */
export function codesDownloadPath(batchId: string, now: number = Date.now()): string {
  return `/exports/coupons/batches/${batchId}.csv?${links.sign(batchId, now).query}`;
}

/** Whether a link's expiry and signature are the ones codesDownloadPath gave for this batch, and still valid. */
export function codesLinkValid(batchId: string, expires: string | null, signature: string | null, now: number = Date.now()): LinkCheck {
  return links.check(batchId, expires, signature, now);
}

/** The batch's codes in code order, a keyset page at a time: memory stays flat for 100,000 codes. */
async function* codeRecords(db: Db, batchId: string): AsyncGenerator<Record<string, string>> {
  for (let after = ''; ; ) {
    const rows = await db
      .select({ code: couponCode.code, redeemedAt: couponCode.redeemedAt })
      .from(couponCode)
      .where(and(eq(couponCode.batchId, batchId), gt(couponCode.code, after)))
      .orderBy(asc(couponCode.code))
      .limit(PAGE);
    for (const row of rows) yield { code: row.code, redeemed_at: row.redeemedAt?.toISOString() ?? '' };
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.code;
  }
}

/** The codes of a batch as CSV (code, redeemed_at), UTF-8 with a BOM for spreadsheet apps. A stream: pipe it to the response. */
export function exportCodes(db: Db, batchId: string): Readable {
  const csv = stringify({ header: true, columns: ['code', 'redeemed_at'], bom: true });
  return pipeline(Readable.from(codeRecords(db, batchId)), csv, () => {});
}
