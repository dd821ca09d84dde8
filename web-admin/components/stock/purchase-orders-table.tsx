'use client';

import { useState, type HTMLAttributes } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Modal, Select, Table, Typography, type ButtonProps } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createPurchaseOrder } from '@/app/(console)/stock/purchase-orders/actions';
import type { SupplierOption } from '@/app/(console)/stock/purchase-orders/purchase-orders.graphql';
import { purchaseOrderStatuses, type PurchaseOrderStatus } from '@/lib/stock';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';

import { FormErrors } from '@/components/shell/form-errors';
import { LinesField } from './lines-field';
import { PurchaseOrderStatusTag } from './purchase-order-status';
import { useStockFeedback } from './stock-feedback';
import { WarehouseLabel } from './variant-label';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** A purchase order as the list shows it; money and dates formatted on the server. */
export interface PurchaseOrderRow {
  id: string;
  number: string;
  supplierName: string | null;
  warehouse: WarehouseLabel_Warehouse | null;
  status: PurchaseOrderStatus;
  total: string;
  lineCount: number;
  createdAt: string;
}

interface CreateValues {
  supplierId: string;
  warehouseId: string;
  lines: { variantId: string; quantity: number; unitCost?: string }[];
}

const rowProps = (row: PurchaseOrderRow): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'po-row', 'data-number': row.number, 'data-status': row.status }) as HTMLAttributes<HTMLElement>;

export function PurchaseOrdersTable({
  rows,
  status,
  suppliers,
  warehouses,
  canWrite,
}: {
  rows: PurchaseOrderRow[];
  status: PurchaseOrderStatus | null;
  suppliers: SupplierOption[];
  warehouses: WarehouseLabel_Warehouse[];
  canWrite: boolean;
}) {
  const t = useTranslations('stock.purchaseOrders');
  const ts = useTranslations('stock.poStatus');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<CreateValues>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async ({ supplierId, warehouseId, lines }: CreateValues) => {
    const input = {
      supplierId,
      warehouseId,
      lines: lines.map((line) => ({
        variantId: line.variantId,
        quantity: line.quantity,
        unitCost: line.unitCost?.trim() || null,
      })),
    };
    setBusy(true);
    const result = await withStepUp(() => createPurchaseOrder(input)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('created'));
    setCreating(false);
    form.resetFields();
    if (result.value) router.push(`/stock/purchase-orders/${encodeURIComponent(result.value)}`);
    else router.refresh();
  };

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('statusFilter')}
          data-testid="po-status-filter"
          value={status ?? ''}
          style={{ width: 220 }}
          onChange={(value: string) => router.push(value ? `?status=${value}` : '?')}
          options={[
            { value: '', label: t('anyStatus') },
            ...purchaseOrderStatuses.map((value) => ({ value, label: ts(value), 'data-status': value })),
          ]}
        />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setErrors([]);
              setCreating(true);
            }}
            data-testid="po-create"
          >
            {t('create')}
          </Button>
        )}
      </Flex>
      <Table<PurchaseOrderRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          {
            key: 'number',
            dataIndex: 'number',
            title: t('columns.number'),
            render: (number: string, row) => (
              <Link href={`/stock/purchase-orders/${encodeURIComponent(row.id)}`} data-testid="po-link">
                <Typography.Text code>{number}</Typography.Text>
              </Link>
            ),
          },
          { key: 'supplier', dataIndex: 'supplierName', title: t('columns.supplier'), render: (n: string | null) => n ?? tc('none') },
          { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
          { key: 'status', dataIndex: 'status', title: t('columns.status'), render: (s: PurchaseOrderStatus) => <PurchaseOrderStatusTag status={s} /> },
          { key: 'lineCount', dataIndex: 'lineCount', title: t('columns.lines'), align: 'end' },
          { key: 'total', dataIndex: 'total', title: t('columns.total'), align: 'end' },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
        ]}
      />
      {mounted && canWrite && (
        <Modal
          open={creating}
          title={t('create')}
          okText={t('createSubmit')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'po-create-form', loading: busy, 'data-testid': 'po-create-submit' } as ButtonProps}
          onCancel={() => setCreating(false)}
          width={820}
          forceRender
        >
          <FormErrors messages={errors} />
          <Form form={form} id="po-create-form" layout="vertical" initialValues={{ lines: [{ quantity: 1 }] }} onFinish={submit}>
            <Flex gap={12} wrap>
              <Form.Item name="supplierId" label={t('columns.supplier')} rules={[{ required: true, message: tc('required') }]} style={{ minWidth: 260 }}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="po-supplier"
                  notFoundContent={t('noSuppliers')}
                  options={suppliers.map((s) => ({ value: s.id, label: `${s.name} (${s.currencyCode})`, 'data-name': s.name }))}
                />
              </Form.Item>
              <Form.Item name="warehouseId" label={t('columns.warehouse')} rules={[{ required: true, message: tc('required') }]} style={{ minWidth: 220 }}>
                <Select
                  data-testid="po-warehouse"
                  options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code }))}
                />
              </Form.Item>
            </Flex>
            <Typography.Paragraph type="secondary">{t('costHint')}</Typography.Paragraph>
            <LinesField withCost />
          </Form>
        </Modal>
      )}
    </>
  );
}
