import { sendJson } from '@shop/kit';
import { documentLinkValid, mayPrint, printOf, renderDocuments } from '@shop/orders/documents';
import type { GatewayRoute } from './route.js';

/**
 * GET /documents/<printId>.pdf?expires=…&signature=…: the PDF of a print that documentsPrint recorded,
 * rendered now. The link alone is not enough: the caller is the one who asked for the print and still
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
        error: expired ? 'This download link has expired; print again for a fresh one.' : 'This download link is not valid.',
        code: expired ? 'LINK_EXPIRED' : 'FORBIDDEN',
      });
      return;
    }
    const print = await printOf(db, principal, printId);
    if (!print) {
      sendJson(res, 404, { error: 'No print of yours has this id.', code: 'NOT_FOUND' });
      return;
    }
    const pdf = await renderDocuments(db, principal, { kind: print.kind, orderIds: print.orderIds, locale: print.locale });
    if (!pdf.ok) {
      const unavailable = pdf.errors.some((e) => e.code === 'DOCUMENTS_UNAVAILABLE');
      sendJson(res, unavailable ? 503 : 409, { error: pdf.errors[0]!.message, code: pdf.errors[0]!.code });
      return;
    }
    context!.log.info({ printId, kind: print.kind, orders: print.orderIds.length }, 'documents printed');
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${print.kind.toLowerCase().replace('_', '-')}-${printId}.pdf"`,
      'content-length': pdf.value.length,
      'cache-control': 'no-store',
    });
    res.end(pdf.value);
  },
};
