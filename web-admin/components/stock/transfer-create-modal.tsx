'use client';

import { useState } from 'react';
import { App, Form, Modal, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createTransfer } from '@/app/(console)/stock/transfers/actions';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { LinesField } from './lines-field';
import { useStockFeedback } from './stock-feedback';
import { TransferWarehouseFields } from './transfer-warehouse-fields';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

interface CreateValues {
  fromWarehouseId: string;
  toWarehouseId: string;
  lines: { variantId: string; quantity: number }[];
}

/** Drafts a transfer between two different warehouses with its lines. */
export function TransferCreateModal({ open, onClose, warehouses }: { open: boolean; onClose: () => void; warehouses: WarehouseLabel_Warehouse[] }) {
  const t = useTranslations('stock.transfers');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    const result = await withStepUp(() => createTransfer(values)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('created'));
    onClose();
    form.resetFields();
    router.refresh();
  };

  return (
    <Modal
      open={open}
      title={t('create')}
      okText={t('createSubmit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'transfer-create-form', loading: busy, 'data-testid': 'transfer-create-submit' } as ButtonProps}
      onCancel={onClose}
      afterOpenChange={(opened) => opened || setErrors([])}
      width={760}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="transfer-create-form" layout="vertical" initialValues={{ lines: [{ quantity: 1 }] }} onFinish={submit}>
        <TransferWarehouseFields warehouses={warehouses} />
        <LinesField />
      </Form>
    </Modal>
  );
}
