'use client';

import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { setSupplierProduct } from '@/app/(console)/stock/suppliers/actions';
import type { SuppliersListNode } from '@/app/(console)/stock/suppliers/suppliers.graphql';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { useStockFeedback } from './stock-feedback';
import { VariantPicker } from './variant-picker';

interface ProductValues {
  variantId: string;
  cost: string;
}

/** Sets what one supplier charges for a variant (`supplier`: null when closed). */
export function SupplierCostModal({ supplier, onClose }: { supplier: SuppliersListNode | null; onClose: () => void }) {
  const t = useTranslations('stock.suppliers');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<ProductValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!supplier) return;
    setErrors([]);
    form.resetFields();
  }, [supplier, form]);

  const submit = async (values: ProductValues) => {
    if (!supplier) return;
    setBusy(true);
    const result = await withStepUp(() =>
      setSupplierProduct({ supplierId: supplier.id, variantId: values.variantId, cost: values.cost.trim() }),
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('costSaved'));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={supplier !== null}
      title={supplier ? t('setCostTitle', { name: supplier.name }) : ''}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'supplier-product-form', loading: busy, 'data-testid': 'supplier-product-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="supplier-product-form" layout="vertical" onFinish={submit}>
        <Form.Item name="variantId" label={t('variant')} rules={[{ required: true, message: tc('required') }]}>
          <VariantPicker testId="supplier-product-variant" />
        </Form.Item>
        <Form.Item name="cost" label={t('cost', { currency: supplier?.currencyCode ?? '' })} rules={[{ required: true, pattern: /^\d+(\.\d{1,3})?$/, message: t('costInvalid') }]}>
          <Input inputMode="decimal" placeholder="0.00" style={{ width: 160 }} data-testid="supplier-product-cost" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
