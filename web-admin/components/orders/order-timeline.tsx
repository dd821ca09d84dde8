'use client';

import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Flex, Timeline, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { directionOf } from '@/i18n/config';

import { OrderStatusTag } from './order-status-tag';
import type { OrderViewModel } from './order-view-model';

/** Entry kinds with a translation under `orders.timeline.kind`; others show their code. */
const kinds = [
  'PLACED', 'TRANSITION', 'NOTE', 'TAGS_ADDED', 'TAGS_REMOVED', 'PAYMENT', 'FLAGGED', 'HOLD', 'RELEASE',
  'SHIPMENT', 'REPLACEMENT_SHIPMENT', 'TRACKING', 'WAYBILL_BOOKED', 'DELIVERY_EXCEPTION', 'DELIVERY_EXCEPTION_RESOLVED',
] as const;
type Kind = (typeof kinds)[number];
const isKind = (kind: string): kind is Kind => (kinds as readonly string[]).includes(kind);

const colors: Partial<Record<Kind, string>> = {
  PAYMENT: 'green', FLAGGED: 'red', HOLD: 'red', RELEASE: 'blue', NOTE: 'gray', SHIPMENT: 'green', DELIVERY_EXCEPTION: 'red',
};

/** The order's history, oldest first: what happened, who or which rule did it, when, from → to, the note. */
export function OrderTimeline({ history }: { history: OrderViewModel['history'] }) {
  const t = useTranslations('orders.timeline');
  const locale = useLocale();
  const Arrow = directionOf(locale) === 'rtl' ? ArrowLeftOutlined : ArrowRightOutlined;
  if (!history.length) return <Empty description={t('empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={history.map((entry) => ({
        key: entry.id,
        color: isKind(entry.kind) ? colors[entry.kind] ?? 'blue' : 'gray',
        content: (
          <Flex
            vertical
            gap={4}
            data-testid="timeline-entry"
            data-kind={entry.kind}
            data-from={entry.fromStatus ?? ''}
            data-to={entry.toStatus ?? ''}
          >
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{isKind(entry.kind) ? t(`kind.${entry.kind}`) : entry.kind}</Typography.Text>
              {entry.fromStatus && <OrderStatusTag status={entry.fromStatus} />}
              {entry.fromStatus && entry.toStatus && <Arrow aria-label={t('to')} />}
              {entry.toStatus && <OrderStatusTag status={entry.toStatus} />}
            </Flex>
            {entry.note && (
              <Typography.Text data-testid="timeline-note">
                <bdi>{entry.note}</bdi>
              </Typography.Text>
            )}
            <Typography.Text type="secondary">
              <bdi>{t('by', { actor: entry.actor, kind: entry.actorKind })}</bdi> · <bdi>{entry.createdAt}</bdi>
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
