'use client';

import { useState } from 'react';
import { Button, Descriptions, Flex, Form, Input, Modal, Segmented, Space, Tag, Typography, type ButtonProps } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { acknowledgeQualityAlert } from '@/app/(console)/quality/actions';
import type { QualityAlertStatus, ReturnReasonCode } from '@/app/(console)/quality/quality.graphql';
import { useListNavigation, withoutCursor } from '@/components/list/list-navigation';
import { ListTable } from '@/components/list/list-table';
import { FormErrors } from '@/components/shell/form-errors';
import type { Connection } from '@/lib/connection';

import { useQualityAction } from './use-quality-action';

/** An alert as the page shows it; numbers and dates are formatted on the server in the viewer's locale. */
export interface QualityAlertRow {
  id: string;
  productId: string;
  productTitle: string | null;
  lotCode: string | null;
  status: QualityAlertStatus;
  rate: string;
  units: string;
  window: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  note: string | null;
  orderNumbers: string[];
  reasons: { reasonCode: ReturnReasonCode; units: string; requests: string }[];
  lots: { lotCode: string; shipped: string; reasons: { reasonCode: ReturnReasonCode; units: string }[] }[];
}

type StatusFilter = QualityAlertStatus | 'ALL';

/** Open / acknowledged / all (`?status=`), a change starting at page one. */
function StatusFilter({ status }: { status: StatusFilter }) {
  const t = useTranslations('quality');
  const { searchParams, go } = useListNavigation();
  return (
    <Segmented<StatusFilter>
      value={status}
      data-testid="quality-status-filter"
      options={(['OPEN', 'ACKNOWLEDGED', 'ALL'] as const).map((value) => ({ value, label: t(`filter.${value}`) }))}
      onChange={(value) => {
        const next = withoutCursor(searchParams);
        next.set('status', value);
        go(next);
      }}
    />
  );
}

/** What was returned and why: per reason for the product, then per lot. */
function ReturnReasons({ alert }: { alert: QualityAlertRow }) {
  const t = useTranslations('quality');
  const reasons = (list: { reasonCode: ReturnReasonCode; units: string }[]) =>
    list.length ? (
      <Space wrap size={4}>
        {list.map((r) => (
          <Tag key={r.reasonCode}>{t('reasonUnits', { reason: t(`reason.${r.reasonCode}`), units: r.units })}</Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('noReturns')}</Typography.Text>
    );
  return (
    <Descriptions size="small" column={1} bordered data-testid="quality-reasons">
      <Descriptions.Item label={t('productReasons')}>{reasons(alert.reasons)}</Descriptions.Item>
      {alert.lots.map((lot) => (
        <Descriptions.Item key={lot.lotCode} label={<bdi dir="ltr">{lot.lotCode}</bdi>}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('lotShipped', { units: lot.shipped })}</Typography.Text>
            {reasons(lot.reasons)}
          </Flex>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Acknowledging one alert, with what the catalog team did. */
function AcknowledgeDialog({ alert, onClose }: { alert: QualityAlertRow | null; onClose: () => void }) {
  const t = useTranslations('quality');
  const [form] = Form.useForm<{ note: string }>();
  const { run, busy, errors, clearErrors } = useQualityAction();
  const submit = async ({ note }: { note?: string }) => {
    if (alert && (await run(() => acknowledgeQualityAlert(alert.id, note ?? ''), form))) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      open={alert !== null}
      title={t('acknowledgeTitle', { product: [alert?.productTitle ?? alert?.productId, alert?.lotCode].filter(Boolean).join(' · ') })}
      okText={t('acknowledge')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'quality-acknowledge-form', loading: busy, 'data-testid': 'quality-acknowledge-submit' } as ButtonProps}
      onCancel={() => {
        clearErrors();
        onClose();
      }}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="quality-acknowledge-form" layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('note')} extra={t('noteHelp')} rules={[{ max: 1000, message: t('noteTooLong') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="quality-acknowledge-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Quality alerts, newest first: product and lot, rate against the rule, the orders behind it and its return reasons. */
export function QualityAlerts({
  alerts,
  status,
  canAcknowledge,
  linkOrders,
}: {
  alerts: Connection<QualityAlertRow>;
  status: StatusFilter;
  canAcknowledge: boolean;
  linkOrders: boolean;
}) {
  const t = useTranslations('quality');
  const [acknowledging, setAcknowledging] = useState<QualityAlertRow | null>(null);
  return (
    <>
      <ListTable<QualityAlertRow>
        connection={alerts}
        toolbar={<StatusFilter status={status} />}
        emptyText={status === 'OPEN' ? t('emptyOpen') : t('empty')}
        rowKey="id"
        rowData={(row) => ({ 'data-testid': 'quality-alert-row', 'data-id': row.id, 'data-status': row.status, 'data-lot': row.lotCode ?? '' })}
        expandable={{ expandedRowRender: (row) => <ReturnReasons alert={row} /> }}
        columns={[
          {
            key: 'product',
            title: t('columns.product'),
            render: (_, row) => (
              <Flex vertical gap={2}>
                <Link href={`/products/${row.productId}`}>{row.productTitle ?? row.productId}</Link>
                <Typography.Text type="secondary" data-testid="quality-alert-scope">
                  {row.lotCode ? t('lot', { lot: row.lotCode }) : t('wholeProduct')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('columns.status'),
            render: (_, row) => (
              <Tag color={row.status === 'OPEN' ? 'red' : 'default'} data-testid="quality-alert-status">
                {t(`status.${row.status}`)}
              </Tag>
            ),
          },
          { key: 'rate', title: t('columns.rate'), render: (_, row) => <span data-testid="quality-alert-rate">{row.rate}</span> },
          { key: 'units', title: t('columns.units'), render: (_, row) => row.units },
          { key: 'window', title: t('columns.window'), render: (_, row) => row.window },
          {
            key: 'orders',
            title: t('columns.orders'),
            render: (_, row) => (
              <Space wrap size={4} data-testid="quality-alert-orders">
                {row.orderNumbers.map((number) =>
                  linkOrders ? (
                    <Link key={number} href={`/orders?q=${encodeURIComponent(number)}`}>
                      <bdi dir="ltr">{number}</bdi>
                    </Link>
                  ) : (
                    <bdi key={number} dir="ltr">
                      {number}
                    </bdi>
                  ),
                )}
              </Space>
            ),
          },
          {
            key: 'handled',
            title: t('columns.handled'),
            render: (_, row) =>
              row.status === 'OPEN' ? (
                canAcknowledge ? (
                  <Button size="small" onClick={() => setAcknowledging(row)} data-testid="quality-acknowledge">
                    {t('acknowledge')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('raisedAt', { at: row.raisedAt })}</Typography.Text>
                )
              ) : (
                <Flex vertical gap={2}>
                  <Typography.Text>{t('acknowledgedAt', { at: row.acknowledgedAt ?? '' })}</Typography.Text>
                  {row.note && <Typography.Text type="secondary">{row.note}</Typography.Text>}
                </Flex>
              ),
          },
        ]}
      />
      {canAcknowledge && <AcknowledgeDialog alert={acknowledging} onClose={() => setAcknowledging(null)} />}
    </>
  );
}
