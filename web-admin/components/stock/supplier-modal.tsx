'use client';

import { useEffect, useState } from 'react';
import { App, Form, Modal, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createSupplier, updateSupplier } from '@/app/(console)/stock/suppliers/actions';
import type { SuppliersListNode } from '@/app/(console)/stock/suppliers/suppliers.graphql';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { useStockFeedback } from './stock-feedback';
import { SupplierFormFields, supplierFieldsOf, supplierValuesOf, type SupplierValues } from './supplier-form-fields';

/** Creates a supplier or edits one (`editing`: null closed, 'new' creating, a row editing it). */
export function SupplierModal({ editing, onClose }: { editing: SuppliersListNode | 'new' | null; onClose: () => void }) {
  const t = useTranslations('stock.suppliers');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<SupplierValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!editing) return;
    setErrors([]);
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue(supplierValuesOf(editing));
  }, [editing, form]);

  const submit = async (values: SupplierValues) => {
    if (!editing) return;
    const input = supplierFieldsOf(values);
    setBusy(true);
    const result = await withStepUp<unknown>(() =>
      editing === 'new' ? createSupplier(input) : updateSupplier(editing.id, input),
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(editing === 'new' ? t('created', { name: input.name }) : t('saved', { name: input.name }));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('create') : editing ? t('editTitle', { name: editing.name }) : ''}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'supplier-form', loading: busy, 'data-testid': 'supplier-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="supplier-form" layout="vertical" initialValues={{ leadTimeDays: 7, currencyCode: 'THB' }} onFinish={submit}>
        <SupplierFormFields />
      </Form>
    </Modal>
  );
}
