import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Empty, Table } from 'antd';

import { pageFailure } from '@/components/shell/forbidden';
import { request } from '@/lib/graphql';

import { MemberRecommendations } from './recommendations.graphql';

/** Products recommended to a member from what they bought (member 360 page); only active products in stock. */
export async function MemberRecommendedProducts({ memberId }: { memberId: string }) {
  const [{ data, errors }, locale, t] = await Promise.all([
    request(MemberRecommendations, { id: memberId }),
    getLocale(),
    getTranslations('recommendations'),
  ]);
  const member = data?.member;
  if (!member) return pageFailure(errors);
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const rows = (member.recommendedProducts ?? []).map((r, i) => ({
    key: r.product.id,
    rank: i + 1,
    product: <Link href={`/products/${r.product.id}`}>{r.product.title}</Link>,
    score: score.format(r.score),
  }));
  return (
    <section data-testid="member-recommendations">
      <h2>{t('title')}</h2>
      <p>{t('explanation')}</p>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'rank', dataIndex: 'rank', title: '#', width: 48 },
          { key: 'product', dataIndex: 'product', title: t('product') },
          { key: 'score', dataIndex: 'score', title: t('score'), align: 'end' },
        ]}
      />
    </section>
  );
}
