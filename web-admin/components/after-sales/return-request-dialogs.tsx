'use client';

import { useEffect, useState } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Switch, Table, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import {
  closeReturnRequest,
  decideReturnRequest,
  exchangeReturnRequest,
  receiveReturnRequest,
  refundReturnRequest,
  type ReceiveFields,
} from '@/app/(console)/after-sales/actions';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';
import type { ActionResult } from '@/lib/mutation';

import { CLOSE_REASONS, DISPOSITIONS } from './after-sales-enums';
import { useAfterSalesFeedback } from './after-sales-feedback';
import type { ReturnRequestViewModel, WarehouseOption } from './return-request-model';

export type Dialog = 'APPROVE' | 'REJECT' | 'RECEIVE' | 'REFUND' | 'EXCHANGE' | 'CLOSE' | null;

interface DialogProps {
  request: ReturnRequestViewModel;
  warehouses: WarehouseOption[];
  open: Dialog;
  onClose: () => void;
}

/** One form dialog: submit runs the action, maps userErrors onto the form, then refreshes the page. */
function useSubmit<V>(form: ReturnType<typeof Form.useForm<V>>[0], onClose: () => void, done: string) {
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useAfterSalesFeedback();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async (run: () => Promise<ActionResult<null>>) => {
    setBusy(true);
    const result = await run().finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(done);
    onClose();
    router.refresh();
  };
  return { busy, errors, setErrors, submit };
}

const okProps = (formId: string, busy: boolean, testId: string, danger = false) =>
  ({ htmlType: 'submit', form: formId, loading: busy, danger, 'data-testid': testId }) as ButtonProps;

/** Approve or reject with an internal note (required to reject). */
export function DecideDialog({ request, open, onClose }: DialogProps) {
  const t = useTranslations('afterSales');
  const tc = useTranslations('common');
  const [form] = Form.useForm<{ note: string }>();
  const reject = open === 'REJECT';
  const { busy, errors, setErrors, submit } = useSubmit(form, onClose, t(reject ? 'decide.rejected' : 'decide.approved', { number: request.number }));
  useEffect(() => {
    if (open === 'APPROVE' || open === 'REJECT') {
      form.resetFields();
      setErrors([]);
    }
  }, [open, form, setErrors]);
  return (
    <Modal
      open={open === 'APPROVE' || open === 'REJECT'}
      title={t(reject ? 'decide.rejectTitle' : 'decide.approveTitle', { number: request.number })}
      okText={t(reject ? 'actions.reject' : 'actions.approve')}
      cancelText={tc('cancel')}
      okButtonProps={okProps('return-decide-form', busy, 'return-decide-submit', reject)}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form
        form={form}
        id="return-decide-form"
        layout="vertical"
        onFinish={({ note }) => submit(() => decideReturnRequest(request.id, reject ? 'REJECT' : 'APPROVE', note))}
      >
        <Form.Item name="note" label={t('decide.note')} rules={[{ required: reject, whitespace: reject, max: 2000, message: t('decide.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="return-decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReceiveValues {
  warehouseId: string;
  note?: string;
  lines: { lineId: string; quantity: number; disposition: (typeof DISPOSITIONS)[number] }[];
}

/** What arrived, where: a warehouse, and per line the units and whether they go back to stock or are written off. */
export function ReceiveDialog({ request, warehouses, open, onClose }: DialogProps) {
  const t = useTranslations('afterSales');
  const tc = useTranslations('common');
  const [form] = Form.useForm<ReceiveValues>();
  const { busy, errors, setErrors, submit } = useSubmit(form, onClose, t('receive.done', { number: request.number }));
  useEffect(() => {
    if (open !== 'RECEIVE') return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({
      warehouseId: warehouses[0]?.id,
      lines: request.lines.map((line) => ({ lineId: line.id, quantity: line.quantity, disposition: 'RESTOCK' as const })),
    });
  }, [open, form, request.lines, warehouses, setErrors]);
  return (
    <Modal
      open={open === 'RECEIVE'}
      width={720}
      title={t('receive.title', { number: request.number })}
      okText={t('actions.receive')}
      cancelText={tc('cancel')}
      okButtonProps={okProps('return-receive-form', busy, 'return-receive-submit')}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="return-receive-form" layout="vertical" onFinish={(values: ReceiveValues) => submit(() => receiveReturnRequest(request.id, values as ReceiveFields))}>
        <Form.Item name="warehouseId" label={t('receive.warehouse')} rules={[{ required: true, message: t('receive.warehouseRequired') }]}>
          <Select data-testid="return-receive-warehouse" options={warehouses.map((w) => ({ value: w.id, label: w.label }))} />
        </Form.Item>
        <Form.List name="lines">
          {(fields) => (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              columns={[
                {
                  key: 'item',
                  title: t('detail.item'),
                  render: (_, field) => {
                    const line = request.lines[field.name]!;
                    return (
                      <>
                        <Form.Item name={[field.name, 'lineId']} hidden>
                          <Input />
                        </Form.Item>
                        <bdi>{line.title}</bdi> <Typography.Text type="secondary"><bdi>{line.sku}</bdi></Typography.Text>
                      </>
                    );
                  },
                },
                {
                  key: 'quantity',
                  title: t('receive.quantity'),
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'quantity']} noStyle>
                      <InputNumber min={0} max={request.lines[field.name]!.quantity} precision={0} data-testid="return-receive-quantity" />
                    </Form.Item>
                  ),
                },
                {
                  key: 'disposition',
                  title: t('detail.disposition'),
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'disposition']} noStyle>
                      <Select
                        style={{ minWidth: 180 }}
                        data-testid="return-receive-disposition"
                        options={DISPOSITIONS.map((d) => ({ value: d, label: t(`disposition.${d}`) }))}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
        <Form.Item name="note" label={t('receive.note')} style={{ marginTop: 16 }} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Refund all or part of what the request may give back, shipping included or not; a large refund asks for the password first. */
export function RefundDialog({ request, open, onClose }: DialogProps) {
  const t = useTranslations('afterSales');
  const tc = useTranslations('common');
  const withStepUp = useStepUp();
  const [form] = Form.useForm<{ amount?: string; includeShipping?: boolean }>();
  const { busy, errors, setErrors, submit } = useSubmit(form, onClose, t('refund.done', { number: request.number }));
  useEffect(() => {
    if (open !== 'REFUND') return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ amount: '', includeShipping: request.refundShipping });
  }, [open, form, request.refundShipping, setErrors]);
  return (
    <Modal
      open={open === 'REFUND'}
      title={t('refund.title', { number: request.number })}
      okText={t('actions.refund')}
      cancelText={tc('cancel')}
      okButtonProps={okProps('return-refund-form', busy, 'return-refund-submit', true)}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph>{t('refund.description')}</Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form
        form={form}
        id="return-refund-form"
        layout="vertical"
        onFinish={({ amount, includeShipping }) => submit(() => withStepUp(() => refundReturnRequest(request.id, amount, includeShipping ?? false)))}
      >
        <Form.Item name="amount" label={t('refund.amount')} rules={[{ pattern: /^\s*(\d+(\.\d{1,3})?)?\s*$/, message: t('refund.amountInvalid') }]}>
          <Input inputMode="decimal" dir="ltr" data-testid="return-refund-amount" />
        </Form.Item>
        <Form.Item name="includeShipping" valuePropName="checked" label={t('refund.includeShipping', { shipping: request.order?.shipping ?? '' })}>
          <Switch data-testid="return-refund-shipping" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ExchangeValues {
  warehouseId: string;
  carrierCode: string;
  trackingNumber?: string;
  book?: boolean;
}

/** Ship the replacement of an exchange: warehouse, carrier and tracking number (or book the waybill). */
export function ExchangeDialog({ request, warehouses, open, onClose }: DialogProps) {
  const t = useTranslations('afterSales');
  const tc = useTranslations('common');
  const [form] = Form.useForm<ExchangeValues>();
  const { busy, errors, setErrors, submit } = useSubmit(form, onClose, t('exchange.done', { number: request.number }));
  useEffect(() => {
    if (open !== 'EXCHANGE') return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ warehouseId: warehouses[0]?.id, carrierCode: '', trackingNumber: '', book: false });
  }, [open, form, warehouses, setErrors]);
  return (
    <Modal
      open={open === 'EXCHANGE'}
      title={t('exchange.title', { number: request.number })}
      okText={t('actions.exchange')}
      cancelText={tc('cancel')}
      okButtonProps={okProps('return-exchange-form', busy, 'return-exchange-submit')}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="return-exchange-form" layout="vertical" onFinish={(values: ExchangeValues) => submit(() => exchangeReturnRequest(request.id, values))}>
        <Form.Item name="warehouseId" label={t('exchange.warehouse')} rules={[{ required: true, message: t('exchange.required') }]}>
          <Select options={warehouses.map((w) => ({ value: w.id, label: w.label }))} />
        </Form.Item>
        <Form.Item name="carrierCode" label={t('exchange.carrier')} rules={[{ required: true, whitespace: true, message: t('exchange.required') }]}>
          <Input dir="ltr" placeholder="KERRY" />
        </Form.Item>
        <Form.Item name="trackingNumber" label={t('exchange.tracking')}>
          <Input dir="ltr" />
        </Form.Item>
        <Form.Item name="book" valuePropName="checked">
          <Checkbox>{t('exchange.book')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Close a request that will not go on: why, and an internal note. */
export function CloseDialog({ request, open, onClose }: DialogProps) {
  const t = useTranslations('afterSales');
  const tc = useTranslations('common');
  const [form] = Form.useForm<{ reason: (typeof CLOSE_REASONS)[number]; note: string }>();
  const { busy, errors, setErrors, submit } = useSubmit(form, onClose, t('close.done', { number: request.number }));
  useEffect(() => {
    if (open !== 'CLOSE') return;
    form.resetFields();
    setErrors([]);
  }, [open, form, setErrors]);
  return (
    <Modal
      open={open === 'CLOSE'}
      title={t('close.title', { number: request.number })}
      okText={t('actions.close')}
      cancelText={tc('cancel')}
      okButtonProps={okProps('return-close-form', busy, 'return-close-submit')}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="return-close-form" layout="vertical" initialValues={{ reason: 'CUSTOMER_WITHDREW' }} onFinish={({ reason, note }) => submit(() => closeReturnRequest(request.id, reason, note))}>
        <Form.Item name="reason" label={t('close.reason')} rules={[{ required: true }]}>
          <Select options={CLOSE_REASONS.map((value) => ({ value, label: t(`closeReason.${value}`) }))} data-testid="return-close-reason-select" />
        </Form.Item>
        <Form.Item name="note" label={t('decide.note')} rules={[{ required: true, whitespace: true, max: 2000, message: t('decide.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="return-close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
