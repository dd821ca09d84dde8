import { gatewayFile } from '@/lib/gateway-file';

/**
 * POST /products/media: the editor's image upload, passed to the gateway's POST /media
 * with the session token (the browser never holds it). The gateway checks scope, type
 * and size, and answers `{ url }` (201) or `{ error }` with its status; both pass through.
 */
export async function POST(request: Request): Promise<Response> {
  const answer = await gatewayFile('/media', {
    method: 'POST',
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/octet-stream' },
    body: await request.arrayBuffer(),
  });
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
  });
}
