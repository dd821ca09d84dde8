import { gatewayFile, passThrough } from '@/lib/gateway-file';

/** A job's error report (CSV), streamed from the gateway's GET /imports/products/<id>/errors.csv. */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  return passThrough(await gatewayFile(`/imports/products/${encodeURIComponent(jobId)}/errors.csv`));
}
