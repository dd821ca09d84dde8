'use client';

import { useState, type HTMLAttributes } from 'react';
import { CheckOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createTransfer, receiveTransfer, shipTransfer } from '@/app/(console)/stock/transfers/actions';
import type { StockTransferStatus, StockTransfersListNode } from '@/app/(console)/stock/transfers/transfers.graphql';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';

import { FormErrors } from '@/components/shell/form-errors';
import { LinesField } from './lines-field';
import { useStockFeedback } from './stock-feedback';
import { WarehouseLabel } from './variant-label';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

interface CreateValues {
  fromWarehouseId: string;
  toWarehouseId: string;
  lines: { variantId: string; quantity: number }[];
}

const statusColors: Record<StockTransferStatus, string> = {
  DRAFT: 'default',
  IN_TRANSIT: 'blue',
  RECEIVED: 'green',
  CANCELLED: 'red',
};

const rowProps = (row: StockTransfersListNode): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'stock-transfer-row', 'data-status': row.status, 'data-number': row.number }) as HTMLAttributes<HTMLElement>;

export function TransfersTable({
  rows,
  warehouses,
  canWrite,
}: {
  rows: StockTransfersListNode[];
  warehouses: WarehouseLabel_Warehouse[];
  canWrite: boolean;
}) {
  const t = useTranslations('stock.transfers');
  const ts = useTranslations('stock.transferStatus');
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
  const warehouseOptions = warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code }));

  const submit = async (values: CreateValues) => {
    setBusy(true);
    const result = await withStepUp(() => createTransfer(values)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('created'));
    setCreating(false);
    form.resetFields();
    router.refresh();
  };

  const act = async (run: () => Promise<Parameters<typeof report>[0]>, done: string) => {
    const result = await withStepUp(run);
    if (!result.ok) return void report(result);
    void message.success(done);
    router.refresh();
  };

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setErrors([]);
              setCreating(true);
            }}
            data-testid="transfer-create"
          >
            {t('create')}
          </Button>
        </Flex>
      )}
      <Table<StockTransfersListNode>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'number', dataIndex: 'number', title: t('columns.number'), render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
          { key: 'from', title: t('columns.from'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.from} /> },
          { key: 'to', title: t('columns.to'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.to} /> },
          {
            key: 'lines',
            title: t('columns.lines'),
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={0}>
                {row.lines.map((line, index) => (
                  <span key={index}>
                    <Typography.Text code>{line.variant?.sku ?? tc('none')}</Typography.Text> × {line.quantity}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('columns.status'),
            render: (status: StockTransferStatus) => (
              <Tag color={statusColors[status]} data-testid="transfer-status">
                {ts(status)}
              </Tag>
            ),
          },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_: unknown, row: StockTransfersListNode) => (
                    <Space>
                      {row.status === 'DRAFT' && (
                        <Popconfirm
                          title={t('shipTitle', { number: row.number })}
                          description={t('shipDescription')}
                          okText={t('ship')}
                          cancelText={tc('cancel')}
                          onConfirm={() => act(() => shipTransfer(row.id), t('shipped', { number: row.number }))}
                        >
                          <Button size="small" icon={<SendOutlined />} data-testid="transfer-ship">
                            {t('ship')}
                          </Button>
                        </Popconfirm>
                      )}
                      {row.status === 'IN_TRANSIT' && (
                        <Popconfirm
                          title={t('receiveTitle', { number: row.number })}
                          description={t('receiveDescription')}
                          okText={t('receive')}
                          cancelText={tc('cancel')}
                          onConfirm={() => act(() => receiveTransfer(row.id), t('received', { number: row.number }))}
                        >
                          <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="transfer-receive">
                            {t('receive')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mounted && canWrite && (
        <Modal
          open={creating}
          title={t('create')}
          okText={t('createSubmit')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'transfer-create-form', loading: busy, 'data-testid': 'transfer-create-submit' } as ButtonProps}
          onCancel={() => setCreating(false)}
          width={760}
          forceRender
        >
          <FormErrors messages={errors} />
          <Form form={form} id="transfer-create-form" layout="vertical" initialValues={{ lines: [{ quantity: 1 }] }} onFinish={submit}>
            <Flex gap={12} wrap>
              <Form.Item name="fromWarehouseId" label={t('columns.from')} rules={[{ required: true, message: tc('required') }]} style={{ minWidth: 220 }}>
                <Select options={warehouseOptions} data-testid="transfer-from" />
              </Form.Item>
              <Form.Item
                name="toWarehouseId"
                label={t('columns.to')}
                dependencies={['fromWarehouseId']}
                rules={[
                  { required: true, message: tc('required') },
                  ({ getFieldValue }) => ({
                    validator: async (_, value) => {
                      if (value && value === getFieldValue('fromWarehouseId')) throw new Error(t('sameWarehouse'));
                    },
                  }),
                ]}
                style={{ minWidth: 220 }}
              >
                <Select options={warehouseOptions} data-testid="transfer-to" />
              </Form.Item>
            </Flex>
            <LinesField />
          </Form>
        </Modal>
      )}
    </>
  );
}
