'use client';

import { useState, type ReactNode } from 'react';
import {
  CarOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  DollarOutlined,
  InboxOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import {
  cancelOrder,
  fulfilOrder,
  holdOrder,
  markOrderDelivered,
  markOrderPaid,
  releaseOrder,
  shipOrder,
} from '@/app/(console)/orders/actions';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';
import { FormErrors } from '@/components/shell/form-errors';
import type { ActionResult } from '@/lib/mutation';

import { manualPaymentMethods, type OrderAction, type PaymentMethod } from './order-enums';
import { useOrderFeedback } from './order-feedback';
import type { OrderViewModel } from './order-view-model';

type Dialog = 'markPaid' | 'fulfil' | 'ship' | 'deliver' | 'hold' | 'release' | 'cancel';

interface ActionValues {
  method?: PaymentMethod;
  reference?: string;
  carrier?: string;
  trackingNumber?: string;
  reason?: string;
  note?: string;
}

/** The dialog of each server action this component offers; the others have their own place on the page. */
const dialogOf: Partial<Record<OrderAction, Dialog>> = {
  MARK_PAID: 'markPaid',
  FULFIL: 'fulfil',
  SHIP: 'ship',
  MARK_DELIVERED: 'deliver',
  RELEASE: 'release',
  HOLD: 'hold',
  CANCEL: 'cancel',
};

/**
 * The dialogs of what the server says the viewer may do now, in its order (the work's flow).
 * A held order offers its release rather than another hold.
 */
function availableDialogs(order: OrderViewModel): Dialog[] {
  const actions = order.availableActions;
  return actions
    .filter((action) => !(action === 'HOLD' && actions.includes('RELEASE')))
    .flatMap((action) => dialogOf[action] ?? []);
}

const icons: Record<Dialog, ReactNode> = {
  markPaid: <DollarOutlined />,
  fulfil: <InboxOutlined />,
  ship: <CarOutlined />,
  deliver: <CheckCircleOutlined />,
  hold: <PauseCircleOutlined />,
  release: <PlayCircleOutlined />,
  cancel: <CloseCircleOutlined />,
};

/**
 * The order's next steps (orders:write), each behind a confirmation dialog that also takes
 * what the step needs (payment method, carrier and tracking number, a reason). Refusals are
 * shown inside the dialog, e.g. INVALID_TRANSITION naming the order's current state.
 */
export function OrderActions({ order }: { order: OrderViewModel }) {
  const t = useTranslations('orders.actions');
  const ts = useTranslations('orders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useOrderFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<ActionValues>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const dialogs = availableDialogs(order);

  const open = (next: Dialog) => {
    setErrors([]);
    form.resetFields();
    if (next === 'markPaid') form.setFieldsValue({ method: 'BANK_TRANSFER' });
    setDialog(next);
  };

  const run = (v: ActionValues): Promise<ActionResult<null>> => {
    const id = order.id;
    const text = (value: string | undefined) => value?.trim() || null;
    switch (dialog!) {
      case 'markPaid':
        return markOrderPaid({ orderId: id, method: v.method!, reference: text(v.reference) });
      case 'fulfil':
        return fulfilOrder(id);
      case 'ship':
        return shipOrder({ id, carrier: v.carrier!.trim(), trackingNumber: v.trackingNumber!.trim() });
      case 'deliver':
        return markOrderDelivered(id);
      case 'hold':
        return holdOrder({ orderId: id, reason: v.reason!.trim() });
      case 'release':
        return releaseOrder({ orderId: id, note: text(v.note) });
      case 'cancel':
        return cancelOrder({ id, reason: text(v.reason) });
    }
  };

  const submit = async (values: ActionValues) => {
    const done = dialog!;
    setBusy(true);
    const result = await withStepUp(() => run(values)).finally(() => setBusy(false));
    if (!result.ok) {
      setErrors(report(result, form));
      // The order moved on under us: show its current state behind the dialog.
      router.refresh();
      return;
    }
    void message.success(t(`${done}.done`, { number: order.number }));
    setDialog(null);
    router.refresh();
  };

  if (!dialogs.length) return null;
  const reasonRule = { required: true, whitespace: true, max: 500, message: t('reasonInvalid') };
  return (
    <>
      <Space wrap style={{ marginTop: 16 }} data-testid="order-actions">
        {dialogs.map((name) => (
          <Button
            key={name}
            type={name === dialogs[0] && name !== 'cancel' ? 'primary' : 'default'}
            danger={name === 'cancel'}
            icon={icons[name]}
            onClick={() => open(name)}
            data-testid={`order-action-${name}`}
          >
            {t(`${name}.button`)}
          </Button>
        ))}
      </Space>
      {mounted && (
        <Modal
          open={dialog !== null}
          title={dialog ? t(`${dialog}.title`, { number: order.number }) : undefined}
          okText={dialog ? t(`${dialog}.confirm`) : undefined}
          cancelText={tc('cancel')}
          okButtonProps={
            {
              htmlType: 'submit',
              form: 'order-action-form',
              loading: busy,
              danger: dialog === 'cancel',
              'data-testid': 'order-action-submit',
            } as ButtonProps
          }
          onCancel={() => setDialog(null)}
          forceRender
        >
          {dialog && (
            <Typography.Paragraph data-testid="order-action-description">
              {t(`${dialog}.description`, { number: order.number, due: order.due ?? '' })}
            </Typography.Paragraph>
          )}
          {dialog === 'release' && (
            <Alert
              type="warning"
              style={{ marginBottom: 16 }}
              title={order.flags
                .filter((flag) => flag.open)
                .map((flag) => `${ts(`flagReason.${flag.reason}`)}: ${flag.message}`)
                .join(' · ')}
            />
          )}
          <FormErrors messages={errors} />
          <Form form={form} id="order-action-form" layout="vertical" onFinish={submit}>
            {dialog === 'markPaid' && (
              <>
                <Form.Item name="method" label={t('markPaid.method')} rules={[{ required: true, message: tc('required') }]}>
                  <Select
                    data-testid="order-paid-method"
                    options={manualPaymentMethods.map((m) => ({ value: m, label: ts(`paymentMethod.${m}`) }))}
                  />
                </Form.Item>
                <Form.Item name="reference" label={t('markPaid.reference')} rules={[{ max: 500 }]}>
                  <Input data-testid="order-paid-reference" />
                </Form.Item>
              </>
            )}
            {dialog === 'ship' && (
              <>
                <Form.Item name="carrier" label={t('ship.carrier')} rules={[{ required: true, whitespace: true, message: tc('required') }]}>
                  <Input data-testid="order-ship-carrier" />
                </Form.Item>
                <Form.Item
                  name="trackingNumber"
                  label={t('ship.trackingNumber')}
                  rules={[{ required: true, whitespace: true, message: tc('required') }]}
                >
                  <Input dir="ltr" data-testid="order-ship-tracking" />
                </Form.Item>
              </>
            )}
            {(dialog === 'hold' || dialog === 'cancel') && (
              <Form.Item
                name="reason"
                label={t('reason')}
                rules={dialog === 'hold' ? [reasonRule] : [{ max: 500, message: t('reasonInvalid') }]}
              >
                <Input.TextArea rows={3} maxLength={500} data-testid="order-reason" />
              </Form.Item>
            )}
            {dialog === 'release' && (
              <Form.Item name="note" label={t('release.note')} rules={[{ max: 500, message: t('reasonInvalid') }]}>
                <Input.TextArea rows={3} maxLength={500} data-testid="order-release-note" />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
