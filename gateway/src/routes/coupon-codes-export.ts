import { pipeline } from 'node:stream/promises';
import { scopesOf, sendJson } from '@shop/kit';
import { codesLinkValid, exportCodes } from '@shop/coupons/issuance';
import type { GatewayRoute } from './route.js';

/**
 * GET /exports/coupons/batches/<batchId>.csv?expires=…&signature=…: a finished
 * batch of generated coupon codes as CSV, streamed, through the signed link
 * CouponBatch.downloadUrl gives (valid 15 minutes). The link alone is not
 * enough: the caller is staff holding marketing:read, as reading the batch needs.
 */
export const couponCodesExport: GatewayRoute = {
  method: 'GET',
  path: /^\/exports\/coupons\/batches\/([0-9a-f-]{36})\.csv$/,
  authenticated: true,
  async handle(req, res, { context, db, match }) {
    const principal = context!.principal;
    if (principal.kind !== 'staff' || !scopesOf(principal).includes('marketing:read')) {
      sendJson(res, 403, { error: 'This needs a staff session with marketing:read.', code: 'FORBIDDEN' });
      return;
    }
    const batchId = match[1]!;
    const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
    const link = codesLinkValid(batchId, params.get('expires'), params.get('signature'));
    if (link !== 'VALID') {
      const expired = link === 'EXPIRED';
      sendJson(res, expired ? 410 : 403, {
        error: expired ? 'This download link has expired; open the batch again for a fresh one.' : 'This download link is not valid.',
        code: expired ? 'LINK_EXPIRED' : 'FORBIDDEN',
      });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="coupon-codes-${batchId}.csv"`,
      'cache-control': 'no-store',
    });
    await pipeline(exportCodes(db, batchId), res);
  },
};
