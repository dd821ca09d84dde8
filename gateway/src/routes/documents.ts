import { pipeline } from 'node:stream/promises';
import { sendJson } from '@shop/kit';
import { documentLinkValid, mayPrint, printFile, printOf } from '@shop/orders/documents';
import type { GatewayRoute } from './route.js';

/**
 * GET /documents/<printId>.pdf?expires=…&signature=…: the PDF of a print that documentsPrint recorded,
 * once its batch run has written it. The link alone is not enough: the caller is the one who asked for the print and still
 * holds orders:write and members:read_pii (the documents show names, phones and addresses).
 */
export const documentsDownload: GatewayRoute = {
  method: 'GET',
  path: /^\/documents\/([0-9a-f-]{36})\.pdf$/,
  authenticated: true,
  async handle(req, res, { context, db, match }) {
    const principal = context!.principal;
    if (!mayPrint(principal)) {
      sendJson(res, 403, { error: 'Printing documents needs orders:write and members:read_pii.', code: 'FORBIDDEN' });
      return;
    }
    const printId = match[1]!;
    const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
    const link = documentLinkValid(printId, params.get('expires'), params.get('signature'));
    if (link !== 'VALID') {
      const expired = link === 'EXPIRED';
      sendJson(res, expired ? 410 : 403, {
        error: expired ? "This download link has expired; read the print's run again for a fresh one." : 'This download link is not valid.',
        code: expired ? 'LINK_EXPIRED' : 'FORBIDDEN',
      });
      return;
    }
    const print = await printOf(db, principal, printId);
    if (!print) {
      sendJson(res, 404, { error: 'No print of yours has this id.', code: 'NOT_FOUND' });
      return;
    }
    const pdf = await printFile(printId);
    if (!pdf) {
      sendJson(res, 409, { error: 'This print is not finished yet; follow its run until it succeeded.', code: 'NOT_READY' });
      return;
    }
    context!.log.info({ printId, kind: print.kind, orders: print.orderIds.length }, 'documents downloaded');
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${print.kind.toLowerCase().replace('_', '-')}-${printId}.pdf"`,
      'content-length': pdf.size,
      'cache-control': 'no-store',
    });
    await pipeline(pdf.open(), res);
  },
};
