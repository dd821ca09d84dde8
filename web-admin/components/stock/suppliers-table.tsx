'use client';

import { useState, type HTMLAttributes } from 'react';
import { EditOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';

import { createSupplier, setSupplierProduct, updateSupplier } from '@/app/(console)/stock/suppliers/actions';
import type { SupplierFields, SuppliersListNode } from '@/app/(console)/stock/suppliers/suppliers.graphql';
import type { CurrencyCode } from '@/gql/graphql';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';
import { formatMoney } from '@/lib/format';

import { FormErrors } from '@/components/shell/form-errors';
import { useStockFeedback } from './stock-feedback';
import { VariantPicker } from './variant-picker';

/** CurrencyCode values of the API. */
export const currencyCodes = ['THB', 'USD', 'CNY', 'TWD', 'HKD', 'JPY', 'SAR', 'AED', 'KWD'] as const satisfies readonly CurrencyCode[];

interface SupplierValues {
  name: string;
  contactName?: string;
  email?: string;
  phone?: string;
  leadTimeDays: number;
  currencyCode: CurrencyCode;
}

interface ProductValues {
  variantId: string;
  cost: string;
}

const rowProps = (row: SuppliersListNode): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'supplier-row', 'data-name': row.name, 'data-supplier-id': row.id }) as HTMLAttributes<HTMLElement>;

const fieldsOf = (values: SupplierValues): SupplierFields => ({
  name: values.name.trim(),
  contactName: values.contactName?.trim() || null,
  email: values.email?.trim() || null,
  phone: values.phone?.trim() || null,
  leadTimeDays: values.leadTimeDays,
  currencyCode: values.currencyCode,
});

export function SuppliersTable({ rows, canWrite }: { rows: SuppliersListNode[]; canWrite: boolean }) {
  const t = useTranslations('stock.suppliers');
  const tc = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const mounted = useMounted();
  const [supplierForm] = Form.useForm<SupplierValues>();
  const [productForm] = Form.useForm<ProductValues>();
  /** null: closed; 'new': create; a row: edit. */
  const [editing, setEditing] = useState<SuppliersListNode | 'new' | null>(null);
  const [pricing, setPricing] = useState<SuppliersListNode | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const openEdit = (row: SuppliersListNode | 'new') => {
    setErrors([]);
    supplierForm.resetFields();
    if (row !== 'new') {
      supplierForm.setFieldsValue({
        name: row.name,
        contactName: row.contactName ?? '',
        email: row.email ?? '',
        phone: row.phone ?? '',
        leadTimeDays: row.leadTimeDays,
        currencyCode: row.currencyCode,
      });
    }
    setEditing(row);
  };

  const submitSupplier = async (values: SupplierValues) => {
    if (!editing) return;
    const input = fieldsOf(values);
    setBusy(true);
    const result = await withStepUp<unknown>(() =>
      editing === 'new' ? createSupplier(input) : updateSupplier(editing.id, input),
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, supplierForm));
    void message.success(editing === 'new' ? t('created', { name: input.name }) : t('saved', { name: input.name }));
    setEditing(null);
    router.refresh();
  };

  const submitProduct = async (values: ProductValues) => {
    if (!pricing) return;
    setBusy(true);
    const result = await withStepUp(() =>
      setSupplierProduct({ supplierId: pricing.id, variantId: values.variantId, cost: values.cost.trim() }),
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, productForm));
    void message.success(t('costSaved'));
    setPricing(null);
    router.refresh();
  };

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEdit('new')} data-testid="supplier-create">
            {t('create')}
          </Button>
        </Flex>
      )}
      <Table<SuppliersListNode>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('columns.name') },
          {
            key: 'contact',
            title: t('columns.contact'),
            render: (_: unknown, row) => (
              <Flex vertical>
                <span>{row.contactName ?? tc('none')}</span>
                {row.email && <Typography.Text type="secondary">{row.email}</Typography.Text>}
                {row.phone && <Typography.Text type="secondary" dir="ltr">{row.phone}</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'leadTimeDays', dataIndex: 'leadTimeDays', title: t('columns.leadTimeDays'), align: 'end', render: (d: number) => t('days', { count: d }) },
          { key: 'currencyCode', dataIndex: 'currencyCode', title: t('columns.currency') },
          {
            key: 'products',
            title: t('columns.products'),
            render: (_: unknown, row) =>
              row.products.length ? (
                <Space orientation="vertical" size={0}>
                  {row.products.map((product, index) => (
                    <span key={product.variant?.id ?? index} data-testid="supplier-product">
                      <Typography.Text code>{product.variant?.sku ?? tc('none')}</Typography.Text>{' '}
                      <span suppressHydrationWarning>{product.cost ? formatMoney(product.cost, locale) : '—'}</span>
                    </span>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('noProducts')}</Typography.Text>
              ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_: unknown, row: SuppliersListNode) => (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => openEdit(row)} data-testid="supplier-edit">
                        {tc('edit')}
                      </Button>
                      <Button
                        size="small"
                        icon={<TagsOutlined />}
                        onClick={() => {
                          setErrors([]);
                          productForm.resetFields();
                          setPricing(row);
                        }}
                        data-testid="supplier-set-cost"
                      >
                        {t('setCost')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mounted && canWrite && (
        <>
          <Modal
            open={editing !== null}
            title={editing === 'new' ? t('create') : editing ? t('editTitle', { name: editing.name }) : ''}
            okText={tc('save')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'supplier-form', loading: busy, 'data-testid': 'supplier-submit' } as ButtonProps}
            onCancel={() => setEditing(null)}
            forceRender
          >
            <FormErrors messages={errors} />
            <Form
              form={supplierForm}
              id="supplier-form"
              layout="vertical"
              initialValues={{ leadTimeDays: 7, currencyCode: 'THB' }}
              onFinish={submitSupplier}
            >
              <Form.Item name="name" label={t('columns.name')} rules={[{ required: true, whitespace: true, message: tc('required') }]}>
                <Input autoComplete="off" data-testid="supplier-name" />
              </Form.Item>
              <Form.Item name="contactName" label={t('contactName')}>
                <Input autoComplete="off" />
              </Form.Item>
              <Flex gap={12} wrap>
                <Form.Item name="email" label={t('email')} rules={[{ type: 'email', message: t('emailInvalid') }]} style={{ flex: 1, minWidth: 200 }}>
                  <Input type="email" autoComplete="off" dir="ltr" />
                </Form.Item>
                <Form.Item name="phone" label={t('phone')} style={{ flex: 1, minWidth: 160 }}>
                  <Input type="tel" autoComplete="off" dir="ltr" />
                </Form.Item>
              </Flex>
              <Flex gap={12} wrap>
                <Form.Item
                  name="leadTimeDays"
                  label={t('columns.leadTimeDays')}
                  rules={[{ required: true, type: 'integer', min: 0, message: t('leadTimeInvalid') }]}
                >
                  <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid="supplier-lead-time" />
                </Form.Item>
                <Form.Item name="currencyCode" label={t('columns.currency')} rules={[{ required: true, message: tc('required') }]}>
                  <Select style={{ width: 140 }} options={currencyCodes.map((code) => ({ value: code, label: code }))} />
                </Form.Item>
              </Flex>
            </Form>
          </Modal>
          <Modal
            open={pricing !== null}
            title={pricing ? t('setCostTitle', { name: pricing.name }) : ''}
            okText={tc('save')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'supplier-product-form', loading: busy, 'data-testid': 'supplier-product-submit' } as ButtonProps}
            onCancel={() => setPricing(null)}
            forceRender
          >
            <FormErrors messages={errors} />
            <Form form={productForm} id="supplier-product-form" layout="vertical" onFinish={submitProduct}>
              <Form.Item name="variantId" label={t('variant')} rules={[{ required: true, message: tc('required') }]}>
                <VariantPicker testId="supplier-product-variant" />
              </Form.Item>
              <Form.Item
                name="cost"
                label={t('cost', { currency: pricing?.currencyCode ?? '' })}
                rules={[{ required: true, pattern: /^\d+(\.\d{1,3})?$/, message: t('costInvalid') }]}
              >
                <Input inputMode="decimal" placeholder="0.00" style={{ width: 160 }} data-testid="supplier-product-cost" />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </>
  );
}
