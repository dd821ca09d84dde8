import type { NextRequest } from 'next/server';

import { gatewayFile, passThrough } from '@/lib/gateway-file';

/**
 * A printed document (PDF) through its signed link: `/orders/documents/<printId>?expires=…&signature=…`,
 * from the gateway's GET /documents/<id>.pdf with the staff session (the gateway serves it to the
 * staff member who printed it only). Shown inline, so the print preview's frame displays it.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ printId: string }> }): Promise<Response> {
  const { printId } = await params;
  return passThrough(await gatewayFile(`/documents/${encodeURIComponent(printId)}.pdf${request.nextUrl.search}`));
}
