import { getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { StockTabs } from '@/components/stock/stock-tabs';
import { StocktakeForm } from '@/components/stock/stocktake-form';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StocktakeWarehouses } from './stocktake.graphql';

/** Stocktake: a count sheet (CSV sku,counted) → preview of differences → apply as corrections (stock:write). */
export default async function StocktakePage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock') || !can(viewer, 'stock:write')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(StocktakeWarehouses, {}), getTranslations('stock')]);
  if (!data?.warehouses) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('title')} description={t('stocktake.description')} />
      <StockTabs canWrite />
      <StocktakeForm warehouses={data.warehouses} />
    </>
  );
}
