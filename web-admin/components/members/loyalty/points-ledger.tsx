import { getLocale, getTranslations } from 'next-intl/server';
import { Descriptions, Table } from 'antd';

import { pageFailure } from '@/components/shell/forbidden';
import { formatDate, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';

import { MemberLoyalty } from './loyalty.graphql';
import { PointsAdjustForm } from './points-adjust-form';

/** A member's points and store credit, their latest points entries and the adjustment form (member 360 page). */
export async function MemberPointsLedger({ memberId, canAdjust }: { memberId: string; canAdjust: boolean }) {
  const shop = await getShopSettings();
  const [{ data, errors }, locale, t] = await Promise.all([request(MemberLoyalty, { id: memberId }), getLocale(), getTranslations('loyalty')]);
  const member = data?.member;
  if (!member) return pageFailure(errors);
  const rows = (member.pointsLedger?.edges ?? []).map(({ node }) => ({
    key: node.id,
    createdAt: formatDate(node.createdAt, locale, shop),
    delta: formatNumber(node.delta, locale),
    reason: t(`reasons.${node.reason}` as 'reasons.MANUAL'),
    note: node.note ?? node.sourceId ?? '',
    expiresAt: node.expiresAt ? formatDate(node.expiresAt, locale, shop) : '',
  }));
  return (
    <section data-testid="member-points-ledger">
      <Descriptions
        size="small"
        items={[
          { key: 'points', label: t('balance.points'), children: formatNumber(member.points ?? 0, locale) },
          { key: 'credit', label: t('balance.storeCredit'), children: member.storeCredit ? `${member.storeCredit.amount} ${member.storeCredit.currencyCode}` : '' },
        ]}
      />
      {canAdjust ? <PointsAdjustForm memberId={memberId} /> : null}
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'createdAt', dataIndex: 'createdAt', title: t('ledger.createdAt') },
          { key: 'delta', dataIndex: 'delta', title: t('ledger.delta'), align: 'end' },
          { key: 'reason', dataIndex: 'reason', title: t('ledger.reason') },
          { key: 'note', dataIndex: 'note', title: t('ledger.note') },
          { key: 'expiresAt', dataIndex: 'expiresAt', title: t('ledger.expiresAt') },
        ]}
      />
    </section>
  );
}
