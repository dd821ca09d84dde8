import type { NextRequest } from 'next/server';

import { gatewayFile, passThrough } from '@/lib/gateway-file';

/**
 * A member data export (JSON) through its signed link: `/members/privacy-export/<id>?expires=…&signature=…`,
 * streamed from the gateway's GET /exports/members/privacy/<id>.json with the staff session.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ requestId: string }> }): Promise<Response> {
  const { requestId } = await params;
  return passThrough(await gatewayFile(`/exports/members/privacy/${encodeURIComponent(requestId)}.json${request.nextUrl.search}`));
}
