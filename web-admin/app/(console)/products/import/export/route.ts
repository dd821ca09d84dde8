import type { NextRequest } from 'next/server';

import { gatewayFile, passThrough } from '@/lib/gateway-file';

/**
 * The product export for the list's "Export" button: `/products/import/export?query=…&status=ACTIVE…`
 * with ProductFilter's field names, streamed from the gateway's GET /exports/products.csv.
 */
export async function GET(request: NextRequest): Promise<Response> {
  return passThrough(await gatewayFile(`/exports/products.csv${request.nextUrl.search}`));
}
