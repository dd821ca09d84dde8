'use client';

import { useState } from 'react';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { ListTable } from '@/components/list/list-table';
import { OrderStatusTag } from '@/components/orders/order-status-tag';
import type { OrderStatus } from '@/components/orders/order-enums';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { MergeDialog } from './merge-dialog';
import type { ShipChoices, ShippableOrder } from './ship-choices';
import { ShipDialog } from './ship-dialog';

export interface QueueRow extends ShippableOrder {
  status: OrderStatus;
  placed: string;
}

/** The queue with its warehouse and carrier filters (in the URL), a Ship button per order and the merge suggestions. */
export function FulfilmentQueueView({
  queue,
  merges,
  filter,
  carriers,
  choices,
  canShip,
}: {
  queue: Connection<QueueRow>;
  merges: { id: string; number: string }[][];
  filter: { warehouseId: string | null; carrierCode: string | null };
  carriers: { code: string; name: string }[];
  choices: ShipChoices | null;
  canShip: boolean;
}) {
  const t = useTranslations('fulfilment');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const mounted = useMounted();
  const [shipping, setShipping] = useState<ShippableOrder | null>(null);
  const [merging, setMerging] = useState<{ id: string; number: string }[] | null>(null);
  const writable = canShip && choices !== null;

  /** Sets one filter in the URL and goes back to the first page. */
  const setFilter = (name: 'warehouse' | 'carrier', value: string | undefined) => {
    const next = new URLSearchParams(search.toString());
    next.delete('after');
    next.delete('before');
    if (value) next.set(name, value);
    else next.delete(name);
    router.push(`${pathname}?${next.toString()}`);
  };

  return (
    <Flex vertical gap={16}>
      {merges.length > 0 && (
        <Card title={t('merge.title')} size="small" data-testid="merge-suggestions">
          <Typography.Paragraph type="secondary">{t('merge.description')}</Typography.Paragraph>
          <Flex vertical gap={8}>
            {merges.map((group) => (
              <Flex key={group.map((o) => o.id).join()} gap={8} align="center" wrap data-testid="merge-group">
                {group.map((o) => (
                  <Link key={o.id} href={`/orders/${o.id}`} dir="ltr">
                    {o.number}
                  </Link>
                ))}
                {writable && (
                  <Button size="small" onClick={() => setMerging(group)} data-testid="merge-open">
                    {t('merge.shipTogether')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      <ListTable<QueueRow>
        connection={queue}
        keep={{ warehouse: filter.warehouseId, carrier: filter.carrierCode }}
        emptyText={t('queue.empty')}
        toolbar={
          <Space wrap>
            {choices && (
              <Select
                allowClear
                style={{ minWidth: 200 }}
                placeholder={t('queue.allWarehouses')}
                value={filter.warehouseId ?? undefined}
                onChange={(value) => setFilter('warehouse', value)}
                options={choices.warehouses.map((w) => ({ value: w.id, label: w.label }))}
                data-testid="queue-warehouse"
              />
            )}
            <Select
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('queue.anyCarrier')}
              value={filter.carrierCode ?? undefined}
              onChange={(value) => setFilter('carrier', value)}
              options={carriers.map((c) => ({ value: c.code, label: c.name }))}
              data-testid="queue-carrier"
            />
          </Space>
        }
        rowData={(row) => ({ 'data-testid': 'queue-row', 'data-number': row.number, 'data-status': row.status })}
        columns={[
          {
            key: 'order',
            title: t('queue.order'),
            render: (_, row) => (
              <Link href={`/orders/${row.id}`} dir="ltr">
                {row.number}
              </Link>
            ),
          },
          { key: 'status', title: '', render: (_, row) => <OrderStatusTag status={row.status} /> },
          { key: 'placed', title: t('queue.placed'), render: (_, row) => <bdi>{row.placed}</bdi> },
          {
            key: 'items',
            title: t('queue.items'),
            render: (_, row) => (
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {row.lines.map((l) => (
                  <li key={l.orderLineId}>
                    <bdi>{l.title}</bdi> · {t('queue.units', { count: l.remaining })}
                  </li>
                ))}
              </ul>
            ),
          },
          ...(writable
            ? [
                {
                  key: 'ship',
                  title: '',
                  render: (_: unknown, row: QueueRow) => (
                    <Button type="primary" size="small" onClick={() => setShipping(row)} data-testid="queue-ship">
                      {t('queue.ship')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mounted && choices && <ShipDialog order={shipping} choices={choices} onClose={() => setShipping(null)} />}
      {mounted && choices && <MergeDialog orders={merging} choices={choices} onClose={() => setMerging(null)} />}
    </Flex>
  );
}
