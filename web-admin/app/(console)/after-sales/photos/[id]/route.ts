import type { NextRequest } from 'next/server';

import { gatewayFile } from '@/lib/gateway-file';

/**
 * GET /after-sales/photos/<id>?expires=…&signature=…: a request's photo through the signed link
 * ReturnRequest.photos gave, fetched from the gateway as the signed-in staff member (the gateway
 * checks the link and that the viewer may see the request's photos), shown from the console's origin.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const answer = await gatewayFile(`/after-sales/photos/${encodeURIComponent(id)}${request.nextUrl.search}`);
  const headers = new Headers();
  for (const name of ['content-type', 'content-length', 'cache-control', 'x-content-type-options']) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers });
}
