import { getLocale, getTranslations } from 'next-intl/server';

import { DeliveryExceptionsView, type ExceptionRow } from '@/components/fulfilment/delivery-exceptions';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { DeliveryExceptionsList } from '../fulfilment.graphql';

const STATUSES = ['OPEN', 'RESOLVED'] as const;

/** Parcels the carrier could not deliver (orders:read), open ones by default; resolve with orders:write. */
export default async function DeliveryExceptionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'fulfilmentExceptions')) return <Forbidden />;
  const params = await searchParams;
  const asked = param(params, 'status');
  const status = asked === 'ALL' ? null : (STATUSES.find((s) => s === asked) ?? 'OPEN');
  const [{ data, errors }, locale, t] = await Promise.all([
    request(DeliveryExceptionsList, { ...pageVariables(params), status }),
    getLocale(),
    getTranslations('fulfilment.exceptions'),
  ]);
  if (!data?.deliveryExceptions) return pageFailure(errors);
  const rows = mapNodes(data.deliveryExceptions, (node): ExceptionRow => ({
    id: node.id,
    kind: node.kind,
    status: node.status,
    resolution: node.resolution ?? null,
    note: node.note ?? null,
    opened: formatDateTime(node.createdAt, locale, shop),
    shipmentNumber: node.shipment?.number ?? '',
    carrier: node.shipment?.carrier.name ?? '',
    trackingNumber: node.shipment?.trackingNumber ?? null,
    order: node.shipment?.order ? { id: node.shipment.order.id, number: node.shipment.order.number } : null,
    reshipment: node.reshipment?.number ?? null,
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <DeliveryExceptionsView exceptions={rows} status={status ?? 'ALL'} canResolve={can(viewer, 'orders:write')} />
    </>
  );
}
