'use client';

import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Table, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { openReturnRequest } from '@/app/(console)/after-sales/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { NamePath } from '@/components/shell/user-error-feedback';

import { REASONS, REQUEST_KINDS } from './after-sales-enums';
import { useAfterSalesFeedback } from './after-sales-feedback';
import { ReturnPhotosField, type UploadedPhoto } from './return-photos-field';

/** An order line as the form offers it. */
export interface OpenableLine {
  id: string;
  sku: string;
  title: string;
  quantity: number;
}

interface OpenValues {
  kind: (typeof REQUEST_KINDS)[number];
  reasonCode: (typeof REASONS)[number];
  note?: string;
  lines: { quantity: number | null }[];
  photos?: UploadedPhoto[];
}

/**
 * "Open after-sales request" on an order's page: kind, units per line, reason, note and photos, sent as
 * returnRequestCreate for the customer (by phone, in the shop). Errors land under their inputs; once opened,
 * the request's page shows it.
 */
export function OpenReturnRequest({ orderId, lines }: { orderId: string; lines: OpenableLine[] }) {
  const t = useTranslations('afterSales');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useAfterSalesFeedback();
  const [form] = Form.useForm<OpenValues>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setErrors([]);
  }, [open, form]);

  const onFinish = async (values: OpenValues) => {
    // Lines left at 0 are not on the request; the API's line indexes count only the others.
    const chosen = values.lines.flatMap((line, index) => (line.quantity ? [{ index, orderLineId: lines[index]!.id, quantity: line.quantity }] : []));
    const toForm = (path: NamePath): NamePath => {
      if (path[0] === 'lines' && typeof path[1] === 'number') return ['lines', chosen[path[1]]?.index ?? path[1], ...path.slice(2)];
      return path[0] === 'photoIds' ? ['photos'] : path;
    };
    setBusy(true);
    const result = await openReturnRequest({
      orderId,
      kind: values.kind,
      reasonCode: values.reasonCode,
      note: values.note,
      lines: chosen.map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
      photoIds: (values.photos ?? []).map((photo) => photo.id),
    }).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form, toForm));
    void message.success(t('open.done'));
    setOpen(false);
    router.push(`/after-sales/${result.value}`);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="return-open">
        {t('open.button')}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t('open.title')}
        okText={t('open.submit')}
        cancelText={tc('cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'return-open-form', loading: busy, 'data-testid': 'return-open-submit' } as ButtonProps}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <FormErrors messages={errors} />
        <Form<OpenValues>
          form={form}
          id="return-open-form"
          layout="vertical"
          initialValues={{ kind: 'RETURN', lines: lines.map(() => ({ quantity: 0 })), photos: [] }}
          onFinish={onFinish}
        >
          <Form.Item name="kind" label={t('columns.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="return-open-kind"
              options={REQUEST_KINDS.map((value) => ({ value, label: <span data-kind={value}>{t(`kind.${value}`)}</span> }))}
            />
          </Form.Item>
          <Form.Item name="reasonCode" label={t('columns.reason')} rules={[{ required: true, message: t('open.reasonRequired') }]}>
            <Select
              data-testid="return-open-reason"
              options={REASONS.map((value) => ({ value, label: <span data-reason={value}>{t(`reason.${value}`)}</span> }))}
            />
          </Form.Item>
          <Form.Item label={t('detail.lines')} required>
            <Table<OpenableLine>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={lines}
              columns={[
                { key: 'sku', title: t('detail.sku'), render: (_, line) => <bdi>{line.sku}</bdi> },
                { key: 'item', title: t('detail.item'), render: (_, line) => <bdi>{line.title}</bdi> },
                {
                  key: 'quantity',
                  title: t('open.quantity'),
                  render: (_, line, index) => (
                    <Form.Item name={['lines', index, 'quantity']} style={{ margin: 0 }}>
                      <InputNumber min={0} max={line.quantity} precision={0} data-testid={`return-open-quantity-${index}`} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('open.note')} rules={[{ max: 2000, message: t('open.noteTooLong') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="return-open-note" />
          </Form.Item>
          <Form.Item name="photos" label={t('detail.photos')}>
            <ReturnPhotosField />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
