import { gatewayFile } from '@/lib/gateway-file';

/**
 * POST /after-sales/photos: a return photo from the open-request form, passed to the gateway's
 * POST /after-sales/photos with the session token (the browser never holds it). The gateway checks
 * scope, type, size and rate, and answers `{ id }` (201) or `{ error, code }` with its status; both pass through.
 */
export async function POST(request: Request): Promise<Response> {
  const answer = await gatewayFile('/after-sales/photos', {
    method: 'POST',
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/octet-stream' },
    body: await request.arrayBuffer(),
  });
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
  });
}
