'use client';

import { useState, type HTMLAttributes } from 'react';
import { EditOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, theme, Typography, type ButtonProps } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { adjustStock, updateStockLevel } from '@/app/(console)/stock/actions';
import type { StockLevelsListNode } from '@/app/(console)/stock/stock.graphql';
import { stockAdjustReasons, type StockAdjustReason } from '@/lib/stock';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';

import { FormErrors } from '@/components/shell/form-errors';
import { useStockFeedback } from './stock-feedback';
import { VariantLabel, WarehouseLabel } from './variant-label';

interface AdjustValues {
  direction: 'add' | 'remove';
  quantity: number;
  reason: StockAdjustReason;
  note?: string;
}

interface LevelValues {
  safetyStock: number;
  reorderPoint: number;
}

const rowProps = (row: StockLevelsListNode): HTMLAttributes<HTMLElement> =>
  ({
    'data-testid': 'stock-level-row',
    'data-level-id': row.id,
    'data-variant-id': row.variant?.id ?? '',
    'data-warehouse-id': row.warehouse.id,
    'data-sku': row.variant?.sku ?? '',
    'data-low-stock': row.lowStock ? 'true' : 'false',
  }) as HTMLAttributes<HTMLElement>;

/** Stock levels with low-stock rows highlighted; Adjust / Levels dialogs with stock:write. */
export function StockLevelsTable({ rows, canWrite }: { rows: StockLevelsListNode[]; canWrite: boolean }) {
  const t = useTranslations('stock.overview');
  const tc = useTranslations('common');
  const tr = useTranslations('stock.reasons');
  const router = useRouter();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const mounted = useMounted();
  const [adjustForm] = Form.useForm<AdjustValues>();
  const [levelForm] = Form.useForm<LevelValues>();
  const [adjusting, setAdjusting] = useState<StockLevelsListNode | null>(null);
  const [editing, setEditing] = useState<StockLevelsListNode | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const openAdjust = (row: StockLevelsListNode) => {
    adjustForm.resetFields();
    setErrors([]);
    setAdjusting(row);
  };

  const openLevels = (row: StockLevelsListNode) => {
    levelForm.setFieldsValue({ safetyStock: row.safetyStock, reorderPoint: row.reorderPoint });
    setErrors([]);
    setEditing(row);
  };

  const submitAdjust = async ({ direction, quantity, reason, note }: AdjustValues) => {
    if (!adjusting?.variant) return;
    const input = {
      variantId: adjusting.variant.id,
      warehouseId: adjusting.warehouse.id,
      quantity: direction === 'remove' ? -quantity : quantity,
      reason,
      note: note?.trim() || null,
    };
    setBusy(true);
    const result = await withStepUp(() => adjustStock(input)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, adjustForm));
    void message.success(t('adjusted', { sku: adjusting.variant.sku }));
    setAdjusting(null);
    router.refresh();
  };

  const submitLevels = async (values: LevelValues) => {
    if (!editing?.variant) return;
    setBusy(true);
    const result = await withStepUp(() =>
      updateStockLevel({ variantId: editing.variant!.id, warehouseId: editing.warehouse.id, ...values }),
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, levelForm));
    void message.success(t('levelsSaved', { sku: editing.variant.sku }));
    setEditing(null);
    router.refresh();
  };

  const number = (testId: string) => (value: number) => <span data-testid={testId}>{value}</span>;

  return (
    <>
      <style>{`.stock-row-low > td { background: ${token.colorErrorBg} !important; }`}</style>
      <Table<StockLevelsListNode>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        rowClassName={(row) => (row.lowStock ? 'stock-row-low' : '')}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          {
            key: 'variant',
            title: t('columns.variant'),
            render: (_: unknown, row) => (
              <Space>
                <VariantLabel variant={row.variant} />
                {row.lowStock && (
                  <Tag color="red" data-testid="low-stock-tag">
                    {t('lowStock')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
          { key: 'onHand', dataIndex: 'onHand', title: t('columns.onHand'), align: 'end', render: number('on-hand') },
          { key: 'reserved', dataIndex: 'reserved', title: t('columns.reserved'), align: 'end', render: number('reserved') },
          { key: 'available', dataIndex: 'available', title: t('columns.available'), align: 'end', render: number('available') },
          { key: 'safetyStock', dataIndex: 'safetyStock', title: t('columns.safetyStock'), align: 'end', render: number('safety-stock') },
          { key: 'reorderPoint', dataIndex: 'reorderPoint', title: t('columns.reorderPoint'), align: 'end', render: number('reorder-point') },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, row) => (
              <Space wrap>
                {canWrite && (
                  <>
                    <Button size="small" icon={<SwapOutlined />} disabled={!row.variant} onClick={() => openAdjust(row)} data-testid="stock-adjust">
                      {t('adjust')}
                    </Button>
                    <Button size="small" icon={<EditOutlined />} disabled={!row.variant} onClick={() => openLevels(row)} data-testid="stock-levels">
                      {t('levels')}
                    </Button>
                  </>
                )}
                {row.variant && (
                  <Link
                    href={`/stock/movements?variantId=${encodeURIComponent(row.variant.id)}&warehouseId=${encodeURIComponent(row.warehouse.id)}`}
                    data-testid="stock-history"
                  >
                    <HistoryOutlined /> {t('history')}
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      {mounted && canWrite && (
        <>
          <Modal
            open={adjusting !== null}
            title={adjusting?.variant ? t('adjustTitle', { sku: adjusting.variant.sku, warehouse: adjusting.warehouse.code }) : ''}
            okText={t('adjustSubmit')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'stock-adjust-form', loading: busy, 'data-testid': 'stock-adjust-submit' } as ButtonProps}
            onCancel={() => setAdjusting(null)}
            forceRender
          >
            {adjusting && (
              <Typography.Paragraph type="secondary">
                {t('currently', { onHand: adjusting.onHand, available: adjusting.available })}
              </Typography.Paragraph>
            )}
            <FormErrors messages={errors} />
            <Form
              form={adjustForm}
              id="stock-adjust-form"
              layout="vertical"
              initialValues={{ direction: 'add', quantity: 1 }}
              onFinish={submitAdjust}
            >
              <Form.Item name="direction" label={t('direction')}>
                <Radio.Group
                  optionType="button"
                  data-testid="stock-adjust-direction"
                  options={[
                    { value: 'add', label: <span data-testid="stock-adjust-add">{t('add')}</span> },
                    { value: 'remove', label: <span data-testid="stock-adjust-remove">{t('remove')}</span> },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="quantity"
                label={t('quantity')}
                extra={t('largeDecreaseHint')}
                rules={[{ required: true, type: 'integer', min: 1, message: t('quantityInvalid') }]}
              >
                <InputNumber min={1} precision={0} style={{ width: 160 }} data-testid="stock-adjust-quantity" />
              </Form.Item>
              <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: tc('required') }]}>
                <Select
                  data-testid="stock-adjust-reason"
                  options={stockAdjustReasons.map((value) => ({ value, label: tr(value), 'data-reason': value }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('note')}>
                <Input.TextArea rows={2} maxLength={500} data-testid="stock-adjust-note" />
              </Form.Item>
            </Form>
          </Modal>
          <Modal
            open={editing !== null}
            title={editing?.variant ? t('levelsTitle', { sku: editing.variant.sku, warehouse: editing.warehouse.code }) : ''}
            okText={tc('save')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'stock-levels-form', loading: busy, 'data-testid': 'stock-levels-submit' } as ButtonProps}
            onCancel={() => setEditing(null)}
            forceRender
          >
            <Typography.Paragraph type="secondary">{t('levelsHint')}</Typography.Paragraph>
            <FormErrors messages={errors} />
            <Form form={levelForm} id="stock-levels-form" layout="vertical" onFinish={submitLevels}>
              <Form.Item
                name="safetyStock"
                label={t('columns.safetyStock')}
                rules={[{ required: true, type: 'integer', min: 0, message: t('nonNegative') }]}
              >
                <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="stock-levels-safety" />
              </Form.Item>
              <Form.Item
                name="reorderPoint"
                label={t('columns.reorderPoint')}
                rules={[{ required: true, type: 'integer', min: 0, message: t('nonNegative') }]}
              >
                <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="stock-levels-reorder" />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </>
  );
}
