import { gatewayFile, passThrough } from '@/lib/gateway-file';
import { request } from '@/lib/graphql';

import { ReportExportJob } from '../../reports.graphql';

/**
 * A finished report export, streamed from the gateway: the export's signed link is
 * asked for afresh (it lasts 15 minutes) and fetched as the signed-in staff member.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const { data } = await request(ReportExportJob, { id });
  const link = data?.reportExportJob?.downloadUrl;
  if (!link) return new Response(null, { status: 404 });
  const url = new URL(link, 'http://gateway.invalid');
  return passThrough(await gatewayFile(`${url.pathname}${url.search}`));
}
