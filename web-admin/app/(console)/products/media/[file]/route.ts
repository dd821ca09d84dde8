import { gatewayFile } from '@/lib/gateway-file';

/**
 * GET /products/media/<uuid>.<ext>: an uploaded image from the gateway's public /media
 * route, so the console shows it from its own origin.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const answer = await gatewayFile(`/media/${encodeURIComponent(file)}`);
  const headers = new Headers();
  for (const name of ['content-type', 'content-length', 'cache-control', 'x-content-type-options']) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers });
}
