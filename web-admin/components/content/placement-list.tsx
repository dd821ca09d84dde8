'use client';

import { useEffect, useState, type HTMLAttributes } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { reorderPlacements, type PlacementKind } from '@/app/(console)/content/actions';

import { errorKey } from './error-keys';

/** A banner or announcement as the list shows it; texts are formatted on the server in the request's locale. */
export interface PlacementListRow {
  id: string;
  title: string;
  imageUrl: string | null;
  channels: string[];
  locales: string[];
  schedule: string;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'ARCHIVED';
}

const STATUS_COLORS = { SCHEDULED: 'blue', LIVE: 'green', ENDED: 'default', ARCHIVED: 'default' } as const;

const rowProps = (): HTMLAttributes<HTMLElement> => ({ 'data-testid': 'placement-row' }) as HTMLAttributes<HTMLElement>;

/**
 * Banners or announcements in display order; with marketing:write, up and down
 * buttons move one and save the whole order at once.
 */
export function PlacementList({ kind, rows, editable }: { kind: PlacementKind; rows: PlacementListRow[]; editable: boolean }) {
  const t = useTranslations('content');
  const router = useRouter();
  const { message } = App.useApp();
  const [order, setOrder] = useState(rows);
  const [busy, setBusy] = useState(false);
  useEffect(() => setOrder(rows), [rows]);

  const move = async (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setOrder(next);
    setBusy(true);
    const result = await reorderPlacements(kind, next.map((row) => row.id)).finally(() => setBusy(false));
    if (result.ok) void message.success(t('reordered'));
    else {
      setOrder(rows);
      void message.error(t(result.reason === 'USER_ERRORS' ? errorKey(result.userErrors[0]!.code) : result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
    }
    router.refresh();
  };

  return (
    <Table<PlacementListRow>
      rowKey="id"
      dataSource={order}
      pagination={false}
      onRow={rowProps}
      locale={{ emptyText: <Empty description={t(kind === 'banner' ? 'emptyBanners' : 'emptyAnnouncements')} /> }}
      columns={[
        ...(editable
          ? [
              {
                key: 'order',
                title: t('columns.order'),
                width: 96,
                render: (_: unknown, _row: PlacementListRow, index: number) => (
                  <Flex gap={4}>
                    <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('moveUp')} disabled={busy || index === 0} onClick={() => move(index, -1)} data-testid="placement-up" />
                    <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('moveDown')} disabled={busy || index === order.length - 1} onClick={() => move(index, 1)} data-testid="placement-down" />
                  </Flex>
                ),
              },
            ]
          : []),
        {
          key: 'title',
          title: t('columns.title'),
          render: (_, row) => (
            <Flex gap={12} align="center">
              {row.imageUrl && (
                // A plain img: the address is any storefront's, which Next.js image optimisation does not serve.
                <img src={row.imageUrl} alt="" width={64} height={32} style={{ objectFit: 'cover', borderRadius: 4 }} />
              )}
              <Link href={`/content/${kind === 'banner' ? 'banners' : 'announcements'}/${row.id}`} data-testid="placement-link">
                {row.title}
              </Link>
            </Flex>
          ),
        },
        {
          key: 'targets',
          title: t('columns.targets'),
          render: (_, row) => (
            <>
              <div>{row.channels.length ? row.channels.map((c) => t(`channels.${c as 'ONLINE_STORE'}`)).join(', ') : t('everyChannel')}</div>
              <Typography.Text type="secondary">{row.locales.length ? row.locales.join(', ') : t('everyLanguage')}</Typography.Text>
            </>
          ),
        },
        { key: 'schedule', title: t('columns.schedule'), render: (_, row) => row.schedule },
        {
          key: 'status',
          title: t('columns.status'),
          render: (_, row) => (
            <Tag color={STATUS_COLORS[row.status]} data-testid="placement-status">
              {t(`status.${row.status}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}
