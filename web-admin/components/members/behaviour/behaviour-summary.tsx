import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Descriptions, Empty, Table } from 'antd';

import { pageFailure } from '@/components/shell/forbidden';
import type { MemberBehaviourSummary_BehaviourWindowFragment as BehaviourWindow } from '@/gql/graphql';
import { formatDateTime, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';

import { MemberBehaviourSummary } from './behaviour.graphql';

/** A member's storefront behaviour over 30 and 90 days (member 360 page); an empty state before any event. */
export async function MemberBehaviour({ memberId }: { memberId: string }) {
  const shop = await getShopSettings();
  const [{ data, errors }, locale, t] = await Promise.all([
    request(MemberBehaviourSummary, { id: memberId }),
    getLocale(),
    getTranslations('behaviour'),
  ]);
  const behaviour = data?.member?.behaviour;
  if (!data?.member) return pageFailure(errors);
  const windows = behaviour ? ([['days30', behaviour.last30Days], ['days90', behaviour.last90Days]] as const) : [];
  const active = windows.some(([, w]) => w.productViews + w.addsToCart + w.searches > 0);
  return (
    <section data-testid="member-behaviour">
      <h2>{t('title')}</h2>
      {!behaviour || !active ? (
        <Empty data-testid="member-behaviour-empty" description={t('empty')} />
      ) : (
        <>
          {windows.map(([key, window]) => (
            <BehaviourWindowView key={key} title={t(`windows.${key}`)} window={window} />
          ))}
          {behaviour.updatedAt ? <p>{t('updatedAt', { at: formatDateTime(behaviour.updatedAt, locale, shop) })}</p> : null}
        </>
      )}
    </section>
  );
}

async function BehaviourWindowView({ title, window }: { title: string; window: BehaviourWindow }) {
  const shop = await getShopSettings();
  const [locale, t] = await Promise.all([getLocale(), getTranslations('behaviour')]);
  return (
    <div data-testid="member-behaviour-window">
      <Descriptions
        size="small"
        title={title}
        items={[
          { key: 'views', label: t('productViews'), children: formatNumber(window.productViews, locale) },
          { key: 'adds', label: t('addsToCart'), children: formatNumber(window.addsToCart, locale) },
          { key: 'searches', label: t('searches'), children: formatNumber(window.searches, locale) },
          { key: 'last', label: t('lastActivity'), children: window.lastActivityAt ? formatDateTime(window.lastActivityAt, locale, shop) : '—' },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => row.product.id}
        dataSource={window.topProducts}
        locale={{ emptyText: t('none') }}
        columns={[
          { key: 'product', title: t('topProducts'), render: (_, row) => <Link href={`/products/${row.product.id}`}>{row.product.title ?? row.product.id}</Link> },
          { key: 'views', title: t('views'), align: 'end', render: (_, row) => formatNumber(row.views, locale) },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => `${row.source ?? ''}|${row.campaign ?? ''}`}
        dataSource={window.topSources}
        locale={{ emptyText: t('none') }}
        columns={[
          { key: 'source', title: t('source'), render: (_, row) => row.source ?? '—' },
          { key: 'campaign', title: t('campaign'), render: (_, row) => row.campaign ?? '—' },
          { key: 'events', title: t('events'), align: 'end', render: (_, row) => formatNumber(row.events, locale) },
        ]}
      />
    </div>
  );
}
