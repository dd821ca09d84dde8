import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { DOCUMENT_ERROR_CODES, DOCUMENT_KINDS, DOCUMENT_LOCALE } from '@/components/documents/document-kinds';
import { PrintPreview } from '@/components/documents/print-buttons';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { hasErrorCode, request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { DocumentsPrint } from '../../documents.graphql';
import { OrderDetail } from '../../order.graphql';

type ErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

/**
 * Print preview of one order's label, packing slip or tax invoice, headed in the console's language:
 * its run, then the PDF in a frame through the console's own route (the gateway's link serves only this
 * staff member's session, which stays server side). Each visit is one audited print; a tax invoice
 * printed before prints as a copy.
 */
export default async function OrderPrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const viewer = await getViewer();
  // Labels, slips and invoices show names, phones and addresses.
  if (!can(viewer, 'orders:write') || !can(viewer, 'members:read_pii')) return <Forbidden />;
  const [{ id }, { kind: asked }, locale, t] = await Promise.all([params, searchParams, getLocale(), getTranslations('documents')]);
  const chosen = DOCUMENT_KINDS.find((d) => d.kind === asked) ?? DOCUMENT_KINDS[0]!;
  const { data: orderData } = await request(OrderDetail, { id });
  if (!orderData?.order) notFound();
  const { data, errors } = await request(DocumentsPrint, {
    input: { kind: chosen.kind, orderIds: [id], locale: DOCUMENT_LOCALE[locale] ?? 'EN' },
  });
  const printed = data?.documentsPrint;
  const code = printed?.userErrors[0]?.code ?? (hasErrorCode(errors, 'FORBIDDEN') ? 'FORBIDDEN' : null);
  const known = code && (DOCUMENT_ERROR_CODES as readonly string[]).includes(code);
  const run = printed?.run ?? null;
  const error = run ? null : t(known ? `errors.${code as ErrorCode}` : 'errors.UNKNOWN');

  return (
    <>
      <PageHeader title={t('previewTitle', { document: t(chosen.key), number: orderData.order.number })} description={t('previewHint')} />
      <PrintPreview orderId={id} kind={chosen.kind} run={run} error={error} />
    </>
  );
}
