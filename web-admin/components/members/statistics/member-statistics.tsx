import { getLocale, getTranslations } from 'next-intl/server';
import { Empty, Table } from 'antd';

import { pageFailure } from '@/components/shell/forbidden';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';

import { MemberStatisticsDetail } from './statistics.graphql';

/** A member's purchase statistics per currency (member 360 page); dates on the shop's calendar. */
export async function MemberStatistics({ memberId }: { memberId: string }) {
  const [{ data, errors }, locale, t] = await Promise.all([
    request(MemberStatisticsDetail, { id: memberId }),
    getLocale(),
    getTranslations('statistics'),
  ]);
  const member = data?.member;
  if (!member) return pageFailure(errors);
  const shop = await getShopSettings();
  const rows = (member.statistics ?? []).map((s) => ({
    key: s.totalSpent.currencyCode,
    ordersCount: formatNumber(s.ordersCount, locale),
    totalSpent: formatMoney(s.totalSpent, locale),
    averageOrderValue: formatMoney(s.averageOrderValue, locale),
    firstOrderAt: formatDate(s.firstOrderAt, locale, shop),
    lastOrderAt: formatDate(s.lastOrderAt, locale, shop),
    favouriteCategories: s.favouriteCategories.map((c) => c.name).join(', ') || '—',
  }));
  return (
    <section data-testid="member-statistics">
      <h2>{t('title')}</h2>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { key: 'ordersCount', dataIndex: 'ordersCount', title: t('ordersCount'), align: 'end' },
          { key: 'totalSpent', dataIndex: 'totalSpent', title: t('totalSpent'), align: 'end' },
          { key: 'averageOrderValue', dataIndex: 'averageOrderValue', title: t('averageOrderValue'), align: 'end' },
          { key: 'firstOrderAt', dataIndex: 'firstOrderAt', title: t('firstOrderAt') },
          { key: 'lastOrderAt', dataIndex: 'lastOrderAt', title: t('lastOrderAt') },
          { key: 'favouriteCategories', dataIndex: 'favouriteCategories', title: t('favouriteCategories') },
        ]}
      />
      <p>{t('note')}</p>
    </section>
  );
}
