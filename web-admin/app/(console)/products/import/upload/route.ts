import type { NextRequest } from 'next/server';

import { gatewayFile } from '@/lib/gateway-file';

/** The wizard's file upload: the CSV body streams on to the gateway's POST /imports/products. */
export async function POST(request: NextRequest): Promise<Response> {
  const name = request.nextUrl.searchParams.get('name') ?? 'products.csv';
  const response = await gatewayFile(`/imports/products?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(request.headers.get('content-length') ? { 'content-length': request.headers.get('content-length')! } : {}) },
    body: request.body,
    duplex: 'half',
  });
  return new Response(await response.text(), { status: response.status, headers: { 'content-type': 'application/json' } });
}
