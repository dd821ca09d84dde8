'use client';

import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Image, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { STATUS_COLORS } from './after-sales-enums';
import { CloseDialog, DecideDialog, ExchangeDialog, ReceiveDialog, RefundDialog, type Dialog } from './return-request-dialogs';
import { stepsOf, type ReturnRequestViewModel, type WarehouseOption } from './return-request-model';

type Line = ReturnRequestViewModel['lines'][number];

/** One request: its state, the customer's and staff's notes, the lines, and the steps the viewer may take now. */
export function ReturnRequestView({
  request,
  warehouses,
  canWrite,
  canRefund,
}: {
  request: ReturnRequestViewModel;
  warehouses: WarehouseOption[];
  canWrite: boolean;
  canRefund: boolean;
}) {
  const t = useTranslations('afterSales');
  const [dialog, setDialog] = useState<Dialog>(null);
  const steps = stepsOf(request, { write: canWrite, refund: canRefund, warehouses: warehouses.length > 0 });
  const note = (text: string | null) =>
    text === null ? <Typography.Text type="secondary">{t('detail.hidden')}</Typography.Text> : text ? <bdi style={{ whiteSpace: 'pre-wrap' }}>{text}</bdi> : t('detail.none');
  const dialogProps = { request, warehouses, open: dialog, onClose: () => setDialog(null) };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Tag color={STATUS_COLORS[request.status]} data-testid="return-request-status" data-status={request.status}>
            {t(`status.${request.status}`)}
          </Tag>
          <Tag>{t(`kind.${request.kind}`)}</Tag>
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            {steps.decide && (
              <>
                <Button type="primary" onClick={() => setDialog('APPROVE')} data-testid="return-approve">
                  {t('actions.approve')}
                </Button>
                <Button danger onClick={() => setDialog('REJECT')} data-testid="return-reject">
                  {t('actions.reject')}
                </Button>
              </>
            )}
            {steps.receive && (
              <Button type="primary" onClick={() => setDialog('RECEIVE')} data-testid="return-receive">
                {t('actions.receive')}
              </Button>
            )}
            {steps.exchange && (
              <Button onClick={() => setDialog('EXCHANGE')} data-testid="return-exchange">
                {t('actions.exchange')}
              </Button>
            )}
            {steps.refund && (
              <Button danger onClick={() => setDialog('REFUND')} data-testid="return-refund">
                {t('actions.refund')}
              </Button>
            )}
            {steps.close && (
              <Button onClick={() => setDialog('CLOSE')} data-testid="return-close">
                {t('actions.close')}
              </Button>
            )}
          </Flex>
        </Flex>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('detail.order')}>
            {request.order ? (
              <Link href={`/orders/${request.order.id}`} data-testid="return-order-link">
                <bdi>{request.order.number}</bdi>
              </Link>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('columns.reason')}>{t(`reason.${request.reasonCode}`)}</Descriptions.Item>
          <Descriptions.Item label={t('columns.openedBy')}>{t(`openedBy.${request.openedBy}`)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.refunded')}>
            <bdi data-testid="return-refunded">{request.refunded}</bdi>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.refundShipping')}>{t(request.refundShipping ? 'detail.yes' : 'detail.no')}</Descriptions.Item>
          <Descriptions.Item label={t('detail.createdAt')}>
            <bdi>{request.createdAt}</bdi>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.updatedAt')}>
            <bdi>{request.updatedAt}</bdi>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.customerNote')} span={2}>
            <span data-testid="return-customer-note">{note(request.customerNote)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.staffNote')} span={2}>
            <span data-testid="return-staff-note">{note(request.staffNote)}</span>
          </Descriptions.Item>
          {request.closeReason && (
            <Descriptions.Item label={t('close.reason')} span={2}>
              <span data-testid="return-close-reason">{t(`closeReason.${request.closeReason}`)}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('detail.photos')} span={2}>
            {request.photos === null ? (
              <Typography.Text type="secondary">{t('detail.hidden')}</Typography.Text>
            ) : request.photos.length ? (
              <Image.PreviewGroup>
                <Flex gap={8} wrap data-testid="return-photos">
                  {request.photos.map((photo, i) => (
                    <Image key={photo.id} src={photo.src} width={96} height={96} style={{ objectFit: 'cover' }} alt={t('detail.photoAlt', { n: i + 1 })} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            ) : (
              t('detail.none')
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('detail.lines')}>
        <Table<Line>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={request.lines}
          data-testid="return-lines"
          columns={[
            { key: 'sku', title: t('detail.sku'), render: (_, line) => <bdi>{line.sku}</bdi> },
            { key: 'item', title: t('detail.item'), render: (_, line) => <bdi>{line.title}</bdi> },
            { key: 'unitPrice', title: t('detail.unitPrice'), align: 'end', render: (_, line) => <bdi>{line.unitPrice}</bdi> },
            { key: 'quantity', title: t('detail.quantity'), align: 'end', dataIndex: 'quantity' },
            { key: 'received', title: t('detail.received'), align: 'end', render: (_, line) => <span data-testid="return-line-received">{line.receivedQuantity}</span> },
            { key: 'disposition', title: t('detail.disposition'), render: (_, line) => (line.disposition ? t(`disposition.${line.disposition}`) : '—') },
            { key: 'warehouse', title: t('receive.warehouse'), render: (_, line) => (line.warehouse ? <bdi>{line.warehouse}</bdi> : '—') },
            { key: 'lot', title: t('detail.lot'), render: (_, line) => (line.lotCode ? <bdi>{line.lotCode}</bdi> : '—') },
          ]}
        />
      </Card>
      <DecideDialog {...dialogProps} />
      <ReceiveDialog {...dialogProps} />
      <RefundDialog {...dialogProps} />
      <ExchangeDialog {...dialogProps} />
      <CloseDialog {...dialogProps} />
    </Flex>
  );
}
