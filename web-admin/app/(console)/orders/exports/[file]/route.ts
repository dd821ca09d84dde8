import { gatewayFile, passThrough } from '@/lib/gateway-file';

/** A finished order export (`<run id>.csv` or `.xlsx`), streamed from the gateway's GET /exports/orders/<file>. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  return passThrough(await gatewayFile(`/exports/orders/${encodeURIComponent(file)}`));
}
