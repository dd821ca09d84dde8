'use client';

import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { useMounted } from '@/components/shell/use-mounted';

import { SHIPMENT_STATUS_COLORS, type ShipChoices, type ShippableOrder } from './ship-choices';
import { ShipDialog } from './ship-dialog';

export interface ShipmentView {
  id: string;
  number: string;
  status: string;
  kind: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  lines: { key: string; sku: string; title: string; quantity: number; lotCode: string | null }[];
  events: { id: string; status: string; occurredAt: string; location: string | null; source: string | null }[];
}

/** A shipment's status as a coloured tag; `data-status` carries the code. */
export function ShipmentStatusTag({ status }: { status: string }) {
  const t = useTranslations('fulfilment.status') as unknown as (key: string) => string;
  return (
    <Tag color={SHIPMENT_STATUS_COLORS[status] ?? 'default'} data-testid="shipment-status" data-status={status}>
      {t(status)}
    </Tag>
  );
}

/** The order's shipments with their carriers, tracking links and events; "Ship" while units are left (orders:write). */
export function ShipmentsPanel({
  order,
  shipments,
  choices,
  canShip,
}: {
  order: ShippableOrder;
  shipments: ShipmentView[];
  choices: ShipChoices | null;
  canShip: boolean;
}) {
  const t = useTranslations('fulfilment.shipments');
  const tSource = useTranslations('fulfilment.shipments.source') as unknown as (key: string) => string;
  const mounted = useMounted();
  const [shipping, setShipping] = useState<ShippableOrder | null>(null);
  const shippable = canShip && choices !== null && order.lines.length > 0;
  return (
    <Card title={t('title')}>
    <Flex vertical gap={12} data-testid="shipments-panel">
      {shippable && (
        <Button type="primary" onClick={() => setShipping(order)} data-testid="order-ship-open" style={{ alignSelf: 'flex-start' }}>
          {t('ship')}
        </Button>
      )}
      {!shipments.length && <Empty description={t('none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {shipments.map((s) => (
        <Flex key={s.id} vertical gap={6} data-testid="shipment" data-number={s.number} data-status={s.status}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong dir="ltr">
              {s.number}
            </Typography.Text>
            <ShipmentStatusTag status={s.status} />
            {s.kind === 'REPLACEMENT' && <Tag>{t('replacement')}</Tag>}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'carrier',
                label: s.carrier,
                children: s.trackingUrl ? (
                  <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer" data-testid="shipment-tracking-link">
                    <bdi dir="ltr">{s.trackingNumber}</bdi>
                  </a>
                ) : (
                  <bdi dir="ltr" data-testid="shipment-tracking-number">{s.trackingNumber ?? '—'}</bdi>
                ),
              },
              ...(s.shippedAt ? [{ key: 'shipped', label: '', children: t('shippedAt', { at: s.shippedAt }) }] : []),
              ...(s.deliveredAt ? [{ key: 'delivered', label: '', children: t('deliveredAt', { at: s.deliveredAt }) }] : []),
            ]}
          />
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {s.lines.map((line) => (
              <li key={line.key} data-testid="shipment-line" data-sku={line.sku} data-quantity={line.quantity}>
                <bdi>{line.title}</bdi> × {line.quantity}
                {line.lotCode && <Typography.Text type="secondary"> · {t('lotCode', { code: line.lotCode })}</Typography.Text>}
              </li>
            ))}
          </ul>
          {s.events.length ? (
            <Timeline
              items={s.events.map((e) => ({
                key: e.id,
                color: SHIPMENT_STATUS_COLORS[e.status] === 'red' || e.status === 'FAILED_ATTEMPT' ? 'red' : 'blue',
                content: (
                  <span data-testid="tracking-event" data-status={e.status}>
                    <ShipmentStatusTag status={e.status} /> <bdi>{e.occurredAt}</bdi>
                    {e.location && <> · <bdi>{e.location}</bdi></>}{e.source && <> · {tSource(e.source)}</>}
                  </span>
                ),
              }))}
            />
          ) : (
            <Typography.Text type="secondary">{t('noEvents')}</Typography.Text>
          )}
        </Flex>
      ))}
      {mounted && choices && <ShipDialog order={shipping} choices={choices} onClose={() => setShipping(null)} />}
    </Flex>
    </Card>
  );
}
