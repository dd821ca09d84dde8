import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { scopesOf, sendJson, type Principal } from '@shop/kit';
import { errorReportCsv, jobById, MAX_UPLOAD_BYTES, saveUpload, UploadTooLargeError } from '@shop/products/bulk';
import type { GatewayRoute } from './route.js';

/** Staff holding `scope`; anyone else gets a 403 (and false). */
function staffWith(principal: Principal, scope: string, res: ServerResponse): principal is Extract<Principal, { kind: 'staff' }> {
  if (principal.kind === 'staff' && scopesOf(principal).includes(scope)) return true;
  sendJson(res, 403, { error: `This needs a staff session with ${scope}.`, code: 'FORBIDDEN' });
  return false;
}

/**
 * Step one of a product import: the CSV as the raw request body (at most 20 MB,
 * streamed to IMPORT_DIR), `?name=` the file's name for people. Answers
 * { uploadId }; productImportPreview and productImportStart take it from there.
 */
export const productImportUpload: GatewayRoute = {
  method: 'POST',
  path: /^\/imports\/products$/,
  authenticated: true,
  async handle(req, res, { context, db }) {
    const principal = context!.principal;
    if (!staffWith(principal, 'catalog:write', res)) return;
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: `An import file may hold at most ${MAX_UPLOAD_BYTES} bytes.`, code: 'PAYLOAD_TOO_LARGE' });
      return;
    }
    const fileName = new URL(req.url ?? '/', 'http://gateway').searchParams.get('name')?.slice(0, 255) || 'products.csv';
    try {
      const upload = await saveUpload(db, req, { fileName, uploadedBy: principal.staffId });
      context!.log.info({ uploadId: upload.id, bytes: upload.byteSize, staffId: principal.staffId }, 'product import uploaded');
      sendJson(res, 201, { uploadId: upload.id, fileName, byteSize: upload.byteSize });
    } catch (error) {
      if (!(error instanceof UploadTooLargeError)) throw error;
      // The rest of the body is unread: the connection cannot carry another request.
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: error.message, code: 'PAYLOAD_TOO_LARGE' });
    }
  },
};

/** Every issue of an import job as CSV (row, column, code, message), streamed page by page. */
export const productImportErrors: GatewayRoute = {
  method: 'GET',
  path: /^\/imports\/products\/([0-9a-f-]{36})\/errors\.csv$/,
  authenticated: true,
  async handle(_req, res, { context, db, match }) {
    if (!staffWith(context!.principal, 'catalog:read', res)) return;
    const job = await jobById(db, match[1]!);
    if (!job) {
      sendJson(res, 404, { error: 'No import job has this id.', code: 'NOT_FOUND' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-${job.id}-errors.csv"`,
      'cache-control': 'no-store',
    });
    await pipeline(errorReportCsv(db, job.id), res);
  },
};
