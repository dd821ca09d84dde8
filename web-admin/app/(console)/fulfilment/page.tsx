import { getLocale, getTranslations } from 'next-intl/server';

import { shipChoicesOf } from '@/components/fulfilment/ship-choices';
import { FulfilmentQueueView, type QueueRow } from '@/components/fulfilment/fulfilment-queue';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { FulfilmentQueue, ShipChoices } from './fulfilment.graphql';

/** The fulfilment queue (orders:read): orders to ship, oldest first, by warehouse and carrier; ship and merge with orders:write. */
export default async function FulfilmentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'fulfilment')) return <Forbidden />;
  const params = await searchParams;
  const filter = { warehouseId: param(params, 'warehouse'), carrierCode: param(params, 'carrier') };
  const [{ data, errors }, choices, locale, t] = await Promise.all([
    request(FulfilmentQueue, { ...pageVariables(params), filter }),
    request(ShipChoices, {}),
    getLocale(),
    getTranslations('fulfilment'),
  ]);
  if (!data?.fulfilmentQueue) return pageFailure(errors);
  const rows = mapNodes(data.fulfilmentQueue, (node): QueueRow => ({
    id: node.id,
    number: node.number,
    status: node.status,
    placed: formatDateTime(node.createdAt, locale, shop),
    lines: (node.unshippedLines ?? []).map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, title: l.title, remaining: l.remaining })),
  }));
  const merges = (data.shipmentMergeSuggestions ?? []).map((group) => group.orders.map((o) => ({ id: o.id, number: o.number })));
  return (
    <>
      <PageHeader title={t('title')} />
      <FulfilmentQueueView
        queue={rows}
        merges={merges}
        filter={filter}
        carriers={choices.data?.carriers ?? []}
        choices={shipChoicesOf(choices.data)}
        canShip={can(viewer, 'orders:write')}
      />
    </>
  );
}
