'use client';

import { Tabs } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** The stock section's pages, in tab order; `write` ones show only with stock:write. */
const tabs = [
  { href: '/stock', key: 'overview', write: false },
  { href: '/stock/alerts', key: 'alerts', write: false },
  { href: '/stock/transfers', key: 'transfers', write: false },
  { href: '/stock/stocktake', key: 'stocktake', write: true },
  { href: '/stock/suppliers', key: 'suppliers', write: false },
  { href: '/stock/purchase-orders', key: 'purchaseOrders', write: false },
  { href: '/stock/replenishment', key: 'replenishment', write: false },
  { href: '/stock/warehouses', key: 'warehouses', write: false },
] as const;

function activeHref(pathname: string): string {
  // Movement history belongs to the overview it is opened from.
  const match = [...tabs].reverse().find(({ href }) => href !== '/stock' && pathname.startsWith(href));
  return match?.href ?? '/stock';
}

/** Secondary navigation of the stock section (links, so each tab is a page of its own). */
export function StockTabs({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('stock.tabs');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')}>
      <Tabs
        activeKey={activeHref(pathname)}
        style={{ marginBottom: 8 }}
        items={tabs
          .filter((tab) => canWrite || !tab.write)
          .map(({ href, key }) => ({
            key: href,
            label: (
              <Link href={href} data-testid={`stock-tab-${key}`}>
                {t(key)}
              </Link>
            ),
          }))}
      />
    </nav>
  );
}
