import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { FlashSaleEditor } from '@/components/flash-sales/flash-sale-editor';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatMoney, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { FlashSaleDetail } from '../flash-sales.graphql';

/** One session: its fields and its items with quota progress. */
export default async function FlashSalePage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'flashSales')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, locale, t] = await Promise.all([request(FlashSaleDetail, { id }), getLocale(), getTranslations('flashSales')]);
  if (!data) return pageFailure(errors);
  const sale = data.flashSale;
  if (!sale) notFound();
  const editable = viewer.scopes.includes('marketing:write') && sale.status !== 'ARCHIVED';
  const titles = Object.fromEntries(sale.titles.map((title) => [title.locale, title.text]));
  return (
    <>
      <PageHeader title={titles[locale] ?? titles.en ?? t('title')} description={t(`status.${sale.status}`)} />
      <FlashSaleEditor
        draft={{ id: sale.id, titles, startsAt: sale.startsAt, endsAt: sale.endsAt, channels: sale.channels, paymentTimeoutMinutes: sale.paymentTimeoutMinutes }}
        timeZone={shop.timeZone}
        editable={editable}
        items={sale.items.map((item) => ({
          id: item.id,
          sku: item.variant.sku,
          product: [item.variant.product.title, item.variant.title].filter(Boolean).join(' — '),
          listPrice: formatMoney(item.variant.price, locale),
          flashPrice: formatMoney(item.flashPrice, locale),
          flashAmount: item.flashPrice.amount,
          quota: item.quota,
          sold: item.sold,
          perMemberLimit: item.perMemberLimit ?? null,
          progress: t('progress', { sold: formatNumber(item.sold, locale), quota: formatNumber(item.quota, locale) }),
        }))}
      />
    </>
  );
}
