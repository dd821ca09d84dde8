import { getLocale, getTranslations } from 'next-intl/server';

import { addDays, shopDayOf, shopDayStart } from '@/components/flash-sales/shop-clock';
import { FlashSaleCalendar, type CalendarDay } from '@/components/flash-sales/flash-sale-calendar';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDay, formatMoney, formatNumber, shopDateTimeFormat } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { shopToday } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

import { FlashSalesCalendar } from './flash-sales.graphql';

const DAYS = 7;

/** The flash-sale calendar: a week of the shop's days from `from` (today by default), each with its sessions. */
export default async function FlashSalesPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'flashSales')) return <Forbidden />;
  const shop = await getShopSettings();
  const zone = shop.timeZone;
  const asked = (await searchParams).from;
  const first = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : shopToday(zone);
  const [{ data, errors }, locale, t] = await Promise.all([
    request(FlashSalesCalendar, { from: shopDayStart(first, zone), to: shopDayStart(addDays(first, DAYS), zone) }),
    getLocale(),
    getTranslations('flashSales'),
  ]);
  if (!data?.flashSales) return pageFailure(errors);
  const time = shopDateTimeFormat(locale, shop, { timeStyle: 'short' });
  const dateTime = shopDateTimeFormat(locale, shop, { dateStyle: 'short', timeStyle: 'short' });
  const sessions = data.flashSales.edges.map(({ node }) => node);
  const days: CalendarDay[] = Array.from({ length: DAYS }, (_, i) => {
    const day = addDays(first, i);
    const start = Date.parse(shopDayStart(day, zone));
    const end = Date.parse(shopDayStart(addDays(day, 1), zone));
    return {
      day,
      label: formatDay(day, locale, shop),
      sessions: sessions
        .filter((s) => Date.parse(s.startsAt) < end && Date.parse(s.endsAt) > start)
        .map((s) => {
          const sameDay = shopDayOf(new Date(s.startsAt), zone) === shopDayOf(new Date(Date.parse(s.endsAt) - 1), zone);
          const format = sameDay ? time : dateTime;
          return {
            id: s.id,
            title: s.title,
            window: `${format.format(new Date(s.startsAt))} – ${format.format(new Date(s.endsAt))}`,
            status: s.status,
            items: s.items.map((item) => ({
              id: item.id,
              sku: item.variant.sku,
              flashPrice: formatMoney(item.flashPrice, locale),
              sold: item.sold,
              quota: item.quota,
              progress: t('progress', { sold: formatNumber(item.sold, locale), quota: formatNumber(item.quota, locale) }),
            })),
          };
        }),
    };
  });
  return (
    <>
      <PageHeader title={t('title')} />
      <FlashSaleCalendar days={days} previous={addDays(first, -DAYS)} next={addDays(first, DAYS)} editable={viewer.scopes.includes('marketing:write')} />
    </>
  );
}
