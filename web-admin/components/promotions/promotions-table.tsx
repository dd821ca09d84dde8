'use client';

import { Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';

import { statusColors, type PromotionKind, type PromotionStatus } from './promotion-enums';
import { PromotionFilters } from './promotion-filters';
import { PromotionTitle } from './promotion-title';

/** A promotion as the list shows it; dates and numbers are formatted on the server in the request's locale. */
export interface PromotionRow {
  id: string;
  title: string;
  kind: PromotionKind;
  status: PromotionStatus;
  /** "start – end" in the shop's time zone; null when it runs without dates. */
  schedule: string | null;
  priority: string;
  combinable: boolean;
}

/** The promotion list with its filters, pages and an empty state that says whether a filter hides everything. */
export function PromotionsTable({ promotions, filtered }: { promotions: Connection<PromotionRow>; filtered: boolean }) {
  const t = useTranslations('promotions');
  return (
    <ListTable<PromotionRow>
      connection={promotions}
      toolbar={<PromotionFilters />}
      emptyText={filtered ? t('emptyFilter') : t('empty')}
      rowData={(row) => ({ 'data-testid': 'promotion-row', 'data-id': row.id, 'data-status': row.status })}
      columns={[
        {
          key: 'title',
          title: t('columns.title'),
          render: (_, row) => (
            <Link href={`/promotions/${row.id}`} data-testid="promotion-link">
              <PromotionTitle text={row.title} />
            </Link>
          ),
        },
        { key: 'kind', title: t('columns.kind'), render: (_, row) => t(`kind.${row.kind}`) },
        {
          key: 'status',
          title: t('columns.status'),
          render: (_, row) => (
            <Tag color={statusColors[row.status]} data-testid="promotion-status">
              {t(`status.${row.status}`)}
            </Tag>
          ),
        },
        {
          key: 'schedule',
          title: t('columns.schedule'),
          render: (_, row) => row.schedule ?? <Typography.Text type="secondary">{t('always')}</Typography.Text>,
        },
        { key: 'priority', title: t('columns.priority'), align: 'end', render: (_, row) => row.priority },
        {
          key: 'combinable',
          title: t('columns.combinable'),
          render: (_, row) => (row.combinable ? t('combinableYes') : t('combinableNo')),
        },
      ]}
    />
  );
}
