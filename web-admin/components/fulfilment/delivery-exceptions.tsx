'use client';

import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Segmented, Tag, Typography, type ButtonProps } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { resolveDeliveryException } from '@/app/(console)/fulfilment/actions';
import { ListTable } from '@/components/list/list-table';
import { useOrderFeedback } from '@/components/orders/order-feedback';
import { FormErrors } from '@/components/shell/form-errors';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

export interface ExceptionRow {
  id: string;
  kind: 'FAILED_DELIVERY' | 'RETURNED_TO_SENDER';
  status: 'OPEN' | 'RESOLVED';
  resolution: 'RESHIP' | 'REFUND' | 'CONTACTED' | null;
  note: string | null;
  opened: string;
  shipmentNumber: string;
  carrier: string;
  trackingNumber: string | null;
  order: { id: string; number: string } | null;
  reshipment: string | null;
}

const RESOLUTIONS = ['RESHIP', 'REFUND', 'CONTACTED'] as const;

/** The exceptions list with its OPEN / RESOLVED / all switch (in the URL) and a Resolve dialog per open one. */
export function DeliveryExceptionsView({ exceptions, status, canResolve }: { exceptions: Connection<ExceptionRow>; status: string; canResolve: boolean }) {
  const t = useTranslations('fulfilment.exceptions');
  const router = useRouter();
  const pathname = usePathname();
  const mounted = useMounted();
  const [resolving, setResolving] = useState<ExceptionRow | null>(null);
  return (
    <>
      <ListTable<ExceptionRow>
        connection={exceptions}
        keep={{ status }}
        emptyText={t('empty')}
        toolbar={
          <Segmented
            value={status}
            onChange={(value) => router.push(`${pathname}?status=${value}`)}
            options={[
              { value: 'OPEN', label: t('status.OPEN') },
              { value: 'RESOLVED', label: t('status.RESOLVED') },
              { value: 'ALL', label: t('all') },
            ]}
            data-testid="exceptions-status"
          />
        }
        rowData={(row) => ({ 'data-testid': 'exception-row', 'data-status': row.status, 'data-kind': row.kind })}
        columns={[
          { key: 'kind', title: t('kindLabel'), render: (_, row) => <Tag color={row.kind === 'RETURNED_TO_SENDER' ? 'red' : 'orange'}>{t(`kind.${row.kind}`)}</Tag> },
          {
            key: 'shipment',
            title: t('shipment'),
            render: (_, row) => (
              <>
                <bdi dir="ltr">{row.shipmentNumber}</bdi>
                <Typography.Text type="secondary">
                  {' '}
                  · {row.carrier} <bdi dir="ltr">{row.trackingNumber}</bdi>
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'order',
            title: t('order'),
            render: (_, row) =>
              row.order && (
                <Link href={`/orders/${row.order.id}`} dir="ltr">
                  {row.order.number}
                </Link>
              ),
          },
          { key: 'opened', title: t('opened'), render: (_, row) => <bdi>{row.opened}</bdi> },
          {
            key: 'state',
            title: t('statusLabel'),
            render: (_, row) =>
              row.status === 'OPEN' ? (
                canResolve ? (
                  <Button size="small" type="primary" onClick={() => setResolving(row)} data-testid="exception-resolve">
                    {t('resolve')}
                  </Button>
                ) : (
                  <Tag>{t('status.OPEN')}</Tag>
                )
              ) : (
                <>
                  <Tag color="green">{row.resolution && t(`resolution.${row.resolution}`)}</Tag>
                  {row.reshipment && <Typography.Text type="secondary">{t('reshipment', { number: row.reshipment })}</Typography.Text>}
                  {row.note && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{row.note}</Typography.Paragraph>}
                </>
              ),
          },
        ]}
      />
      {mounted && <ResolveDialog exception={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

function ResolveDialog({ exception, onClose }: { exception: ExceptionRow | null; onClose: () => void }) {
  const t = useTranslations('fulfilment.exceptions');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useOrderFeedback();
  const [form] = Form.useForm<{ resolution: (typeof RESOLUTIONS)[number]; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const resolution = Form.useWatch('resolution', form);

  useEffect(() => {
    if (!exception) return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ resolution: 'RESHIP' });
  }, [exception, form]);

  const submit = async (values: { resolution: (typeof RESOLUTIONS)[number]; note?: string }) => {
    if (!exception) return;
    setBusy(true);
    const result = await resolveDeliveryException({ id: exception.id, resolution: values.resolution, note: values.note?.trim() || null }).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('done'));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={exception !== null}
      title={exception ? t('resolveTitle', { number: exception.shipmentNumber }) : ''}
      okText={t('resolve')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'exception-form', loading: busy, 'data-testid': 'exception-resolve-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="exception-form" layout="vertical" onFinish={submit}>
        <Form.Item name="resolution" label={t('resolutionLabel')} extra={resolution === 'REFUND' ? t('refundHint') : undefined}>
          <Radio.Group options={RESOLUTIONS.map((r) => ({ value: r, label: t(`resolution.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
