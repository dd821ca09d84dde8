import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { scopesOf, sendJson } from '@shop/kit';
import { CONTENT_TYPES, reportExportLinkValid, reportExportOf, reportExportPath, type ExportFormat } from '@shop/reports/exports';
import type { GatewayRoute } from './route.js';

/**
 * GET /exports/reports/<exportId>.csv|.xlsx?expires=…&signature=…: a finished report export through the signed link
 * ReportExport.downloadUrl gives (valid 15 minutes). The link alone is not enough: the caller holds reports:read and
 * is the one who asked for the export.
 */
export const reportExportDownload: GatewayRoute = {
  method: 'GET',
  path: /^\/exports\/reports\/([0-9a-f-]{36})\.(csv|xlsx)$/,
  authenticated: true,
  async handle(req, res, { context, db, match }) {
    const principal = context!.principal;
    if (!scopesOf(principal).includes('reports:read')) {
      sendJson(res, 403, { error: 'This needs reports:read.', code: 'FORBIDDEN' });
      return;
    }
    const exportId = match[1]!;
    const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
    const link = reportExportLinkValid(exportId, params.get('expires'), params.get('signature'));
    if (link !== 'VALID') {
      const expired = link === 'EXPIRED';
      sendJson(res, expired ? 410 : 403, {
        error: expired ? 'This download link has expired; open the export again for a fresh one.' : 'This download link is not valid.',
        code: expired ? 'LINK_EXPIRED' : 'FORBIDDEN',
      });
      return;
    }
    const row = await reportExportOf(db, principal, exportId);
    const format = row?.format as ExportFormat | undefined;
    if (!row || row.status !== 'DONE' || !format || format.toLowerCase() !== match[2]) {
      sendJson(res, 404, { error: 'No finished export of yours has this id.', code: 'NOT_FOUND' });
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="report-${row.createdAt.toISOString().slice(0, 10)}.${match[2]}"`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(reportExportPath(row.id, format)), res);
  },
};
