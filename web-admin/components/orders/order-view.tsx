'use client';

import type { HTMLAttributes, ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { OrderActions } from './order-actions';
import { OrderNotesTags } from './order-notes-tags';
import { OrderPayments } from './order-payments';
import { OrderStatusTag, PaymentStateTag } from './order-status-tag';
import { OrderTimeline } from './order-timeline';
import type { OrderViewModel } from './order-view-model';

type LineRow = OrderViewModel['lines'][number];

const lineProps = (line: LineRow): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'order-line', 'data-sku': line.sku }) as HTMLAttributes<HTMLElement>;

/** One order: header with state and actions, hold banner, lines and totals, payments, contact, notes and tags, timeline. */
export function OrderView({
  order,
  canWrite,
  canRefund,
  shipments,
}: {
  order: OrderViewModel;
  canWrite: boolean;
  canRefund: boolean;
  /** The shipments panel (fulfilment), below the payments. */
  shipments?: ReactNode;
}) {
  const t = useTranslations('orders');
  const tc = useTranslations('common');
  const openFlags = order.flags.filter((flag) => flag.open);
  const { totals } = order;

  return (
    <Flex vertical gap={16}>
      {order.onHold && (
        <Alert
          type="warning"
          showIcon
          data-testid="order-hold-banner"
          title={t('hold.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {openFlags.map((flag) => (
                <li key={flag.id} data-testid="order-flag" data-reason={flag.reason}>
                  <Typography.Text strong>{t(`flagReason.${flag.reason}`)}</Typography.Text>: {flag.message}{' '}
                  <Typography.Text type="secondary">({t('hold.raised', { by: flag.raisedBy, at: flag.createdAt })})</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} data-testid="order-header">
          <OrderStatusTag status={order.status} />
          <PaymentStateTag state={order.paymentState} />
          <Tag data-testid="order-channel" data-channel={order.channel}>
            {t(`channel.${order.channel}`)}
          </Tag>
        </Flex>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'createdAt', label: t('columns.createdAt'), children: order.createdAt },
            { key: 'member', label: t('detail.member'), children: order.member?.displayName ?? t('guest') },
            { key: 'total', label: t('columns.total'), children: <span data-testid="order-total">{totals.total}</span> },
            ...(order.marketplace
              ? [{ key: 'marketplace', label: t('detail.marketplace'), children: `${order.marketplace} · ${order.externalOrderId ?? ''}` }]
              : []),
          ]}
        />
        {canWrite && <OrderActions order={order} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t('detail.lines')}>
              <Table<LineRow>
                rowKey="id"
                size="small"
                dataSource={order.lines}
                pagination={false}
                onRow={lineProps}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty description={t('detail.noLines')} /> }}
                columns={[
                  {
                    key: 'item',
                    title: t('detail.item'),
                    render: (_: unknown, line) => (
                      <Flex vertical>
                        <bdi>{line.productTitle}</bdi>
                        <Typography.Text type="secondary">{line.options || line.variantTitle}</Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    key: 'sku',
                    title: t('detail.sku'),
                    render: (_: unknown, line) => <Typography.Text code>{line.sku}</Typography.Text>,
                  },
                  { key: 'unitPrice', dataIndex: 'unitPrice', title: t('detail.unitPrice'), align: 'end' },
                  { key: 'quantity', dataIndex: 'quantity', title: t('detail.quantity'), align: 'end' },
                  { key: 'lineTotal', dataIndex: 'lineTotal', title: t('detail.lineTotal'), align: 'end' },
                ]}
              />
              <Descriptions
                column={1}
                size="small"
                style={{ marginTop: 16, maxWidth: 360, marginInlineStart: 'auto' }}
                items={[
                  { key: 'subtotal', label: t('detail.subtotal'), children: totals.subtotal },
                  { key: 'shipping', label: t('detail.shipping'), children: totals.shipping },
                  { key: 'discount', label: t('detail.discount'), children: totals.discount },
                  { key: 'tax', label: t('detail.tax'), children: totals.tax },
                  { key: 'total', label: <strong>{t('columns.total')}</strong>, children: <strong>{totals.total}</strong> },
                  { key: 'paid', label: t('detail.paid'), children: <span data-testid="order-paid">{totals.paid}</span> },
                  {
                    key: 'taxInvoice',
                    label: t('detail.taxInvoiceNumber'),
                    children: (
                      <bdi dir="ltr" data-testid="order-tax-invoice">
                        {order.taxInvoiceNumber ?? t('detail.noTaxInvoice')}
                      </bdi>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t('detail.payments')}>
              <OrderPayments order={order} canRefund={canRefund} />
            </Card>
            {shipments}
            <Card title={t('detail.timeline')} data-testid="order-timeline">
              <OrderTimeline history={order.history} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card title={t('detail.shippingTo')}>
              {order.address ? (
                <Flex vertical gap={2} data-testid="order-address">
                  {order.address.name && (
                    <Typography.Text strong>
                      <bdi>{order.address.name}</bdi>
                    </Typography.Text>
                  )}
                  {order.address.phone && (
                    <Typography.Text data-testid="order-address-phone">
                      <bdi dir="ltr">{order.address.phone}</bdi>
                    </Typography.Text>
                  )}
                  {order.address.email && (
                    <Typography.Text>
                      <bdi dir="ltr">{order.address.email}</bdi>
                    </Typography.Text>
                  )}
                  {/* Each line in its own direction: a Latin street address stays in order on an Arabic page. */}
                  {order.address.lines.map((line, index) => (
                    <Typography.Text key={index}>
                      <bdi>{line}</bdi>
                    </Typography.Text>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('detail.noAddress')}</Typography.Text>
              )}
              <Descriptions
                column={1}
                size="small"
                style={{ marginTop: 12 }}
                items={[
                  {
                    key: 'method',
                    label: t('detail.shippingMethod'),
                    children: order.shippingMethod ? t(`shippingMethod.${order.shippingMethod}`) : tc('none'),
                  },
                  { key: 'carrier', label: t('detail.carrier'), children: order.carrier ?? tc('none') },
                  {
                    key: 'tracking',
                    label: t('detail.trackingNumber'),
                    children: (
                      <bdi dir="ltr" data-testid="order-tracking">
                        {order.trackingNumber ?? tc('none')}
                      </bdi>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t('detail.notesTags')}>
              <OrderNotesTags orderId={order.id} tags={order.tags} canWrite={canWrite} />
            </Card>
            {order.flags.length > 0 && (
              <Card title={t('detail.flags')}>
                <Flex vertical gap={8}>
                  {order.flags.map((flag) => (
                    <Flex key={flag.id} vertical data-testid="order-flag-history" data-open={flag.open}>
                      <Flex gap={8} align="center" wrap>
                        <Tag color={flag.open ? 'red' : 'default'}>{t(`flagReason.${flag.reason}`)}</Tag>
                        <Typography.Text type="secondary">{flag.createdAt}</Typography.Text>
                      </Flex>
                      <Typography.Text>{flag.message}</Typography.Text>
                      {flag.cleared && (
                        <Typography.Text type="secondary">
                          {t('hold.cleared', { by: flag.cleared.by ?? '', at: flag.cleared.at })}
                          {flag.cleared.note ? ` · ${flag.cleared.note}` : ''}
                        </Typography.Text>
                      )}
                    </Flex>
                  ))}
                </Flex>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
