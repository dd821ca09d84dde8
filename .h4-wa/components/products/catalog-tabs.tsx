'use client';

import { Tabs } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** The catalog section's pages, in tab order; `write` ones show only with catalog:write. */
const tabs = [
  { href: '/products', key: 'products', write: false },
  { href: '/products/categories', key: 'categories', write: false },
  { href: '/products/collections', key: 'collections', write: false },
  { href: '/products/reviews', key: 'reviews', write: false },
  { href: '/products/import', key: 'import', write: true },
] as const;

function activeHref(pathname: string): string {
  // The editor (/products/new, /products/<id>) belongs to the product list.
  const match = tabs.find(({ href }) => href !== '/products' && pathname.startsWith(href));
  return match?.href ?? '/products';
}

/** Secondary navigation of the catalog (links, so each tab is a page of its own). */
export function CatalogTabs({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('catalogTabs');
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
              <Link href={href} data-testid={`catalog-tab-${key}`}>
                {t(key)}
              </Link>
            ),
          }))}
      />
    </nav>
  );
}
