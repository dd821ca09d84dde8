import type { NextRequest } from 'next/server';

import { gatewayFile, passThrough } from '@/lib/gateway-file';

/**
 * A batch of generated coupon codes (CSV) through its signed link: `/coupons/codes/<batchId>?expires=…&signature=…`,
 * streamed from the gateway's GET /exports/coupons/batches/<id>.csv with the staff session.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ batchId: string }> }): Promise<Response> {
  const { batchId } = await params;
  return passThrough(await gatewayFile(`/exports/coupons/batches/${encodeURIComponent(batchId)}.csv${request.nextUrl.search}`));
}
