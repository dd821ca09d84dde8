import { scopesOf, sendJson } from '@shop/kit';
import { exportDocument, exportLinkValid } from '@shop/members/privacy';
import type { GatewayRoute } from './route.js';

/** What asking for an export needs (memberDataExport), so the link gives no one more than the mutation would. */
const EXPORT_SCOPES = ['members:write', 'members:read_pii'];

/**
 * GET /exports/members/privacy/<requestId>.json?expires=…&signature=…: a finished
 * member data export as one JSON file, through the signed link that
 * PrivacyRequest.downloadUrl gives (valid 15 minutes). The link alone is not
 * enough: the caller is staff holding members:write and members:read_pii.
 */
export const memberExportDownload: GatewayRoute = {
  method: 'GET',
  path: /^\/exports\/members\/privacy\/([0-9a-f-]{36})\.json$/,
  authenticated: true,
  async handle(req, res, { context, db, match }) {
    const principal = context!.principal;
    const scopes = scopesOf(principal);
    if (principal.kind !== 'staff' || !EXPORT_SCOPES.every((scope) => scopes.includes(scope))) {
      sendJson(res, 403, { error: 'This needs a staff session with members:write and members:read_pii.', code: 'FORBIDDEN' });
      return;
    }
    const requestId = match[1]!;
    const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
    const link = exportLinkValid(requestId, params.get('expires'), params.get('signature'));
    if (link !== 'VALID') {
      const expired = link === 'EXPIRED';
      sendJson(res, expired ? 410 : 403, {
        error: expired ? 'This download link has expired; open the request again for a fresh one.' : 'This download link is not valid.',
        code: expired ? 'LINK_EXPIRED' : 'FORBIDDEN',
      });
      return;
    }
    const document = await exportDocument(db, requestId);
    if (!document) {
      sendJson(res, 404, { error: 'No finished export has this id (it may have expired or the member was erased).', code: 'NOT_FOUND' });
      return;
    }
    context!.log.info({ privacyRequestId: requestId, staffId: principal.staffId }, 'member data export downloaded');
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="member-${document.memberId as string}-export.json"`,
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(document, null, 2));
  },
};
