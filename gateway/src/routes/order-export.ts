import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { scopesOf, sendJson } from '@shop/kit';
import { batchRunById, exportPath, type ExportFormat } from '@shop/orders/batch';
import type { GatewayRoute } from './route.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * GET /exports/orders/<runId>.csv|.xlsx: the file of a finished order export
 * (orderBatchExport). Staff or partners with orders:read; a file that holds
 * recipients' contact data also needs members:read_pii, whoever started it.
 */
export const orderExportDownload: GatewayRoute = {
  method: 'GET',
  path: /^\/exports\/orders\/([0-9a-f-]{36})\.(csv|xlsx)$/,
  authenticated: true,
  async handle(_req, res, { context, db, match }) {
    const principal = context!.principal;
    const scopes = scopesOf(principal);
    if ((principal.kind !== 'staff' && principal.kind !== 'partner') || !scopes.includes('orders:read')) {
      sendJson(res, 403, { error: 'This needs orders:read.', code: 'FORBIDDEN' });
      return;
    }
    const run = await batchRunById(db, match[1]!);
    const format = run?.resultFormat as ExportFormat | null | undefined;
    if (!run || run.kind !== 'EXPORT' || run.status !== 'SUCCEEDED' || !format || format.toLowerCase() !== match[2]) {
      sendJson(res, 404, { error: 'No finished export has this id.', code: 'NOT_FOUND' });
      return;
    }
    if (run.resultHasContact && !scopes.includes('members:read_pii')) {
      sendJson(res, 403, { error: "This export holds recipients' contact data: it needs members:read_pii.", code: 'FORBIDDEN' });
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="orders-${run.createdAt.toISOString().slice(0, 10)}.${match[2]}"`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(exportPath(run.id, format)), res);
  },
};
