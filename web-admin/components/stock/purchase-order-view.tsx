'use client';

import { useState, type HTMLAttributes } from 'react';
import { CheckOutlined, CloseCircleOutlined, InboxOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Form, InputNumber, Modal, Popconfirm, Space, Table, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import {
  cancelPurchaseOrder,
  closePurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
} from '@/app/(console)/stock/purchase-orders/actions';
import type { PurchaseOrderStatus } from '@/lib/stock';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';
import type { ActionResult } from '@/lib/mutation';

import { FormErrors } from '@/components/shell/form-errors';
import { PurchaseOrderStatusTag } from './purchase-order-status';
import { useStockFeedback } from './stock-feedback';
import { VariantLabel, WarehouseLabel } from './variant-label';
import type { VariantLabel_ProductVariant, WarehouseLabel_Warehouse } from './variant-label.graphql';

export interface PurchaseOrderLineRow {
  id: string;
  variant: VariantLabel_ProductVariant | null;
  quantityOrdered: number;
  quantityReceived: number;
  /** Formatted on the server. */
  unitCost: string;
}

export interface PurchaseOrderViewModel {
  id: string;
  number: string;
  supplierName: string | null;
  warehouse: WarehouseLabel_Warehouse | null;
  status: PurchaseOrderStatus;
  total: string;
  createdAt: string;
  lines: PurchaseOrderLineRow[];
}

interface ReceiveValues {
  lines: { lineId: string; quantity: number | null }[];
}

const lineProps = (line: PurchaseOrderLineRow): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'po-line-row', 'data-sku': line.variant?.sku ?? '' }) as HTMLAttributes<HTMLElement>;

const remaining = (line: PurchaseOrderLineRow) => Math.max(0, line.quantityOrdered - line.quantityReceived);

export function PurchaseOrderView({ order, canWrite }: { order: PurchaseOrderViewModel; canWrite: boolean }) {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<ReceiveValues>();
  const [receiving, setReceiving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const { status } = order;
  const open = status === 'ORDERED' || status === 'PARTIALLY_RECEIVED';

  const act = async (run: () => Promise<ActionResult<null>>, done: string) => {
    setBusy(true);
    const result = await withStepUp(run).finally(() => setBusy(false));
    if (!result.ok) return void report(result);
    void message.success(done);
    router.refresh();
  };

  const openReceive = () => {
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ lines: order.lines.map((line) => ({ lineId: line.id, quantity: 0 })) });
    setReceiving(true);
  };

  const fillRemaining = () =>
    form.setFieldsValue({ lines: order.lines.map((line) => ({ lineId: line.id, quantity: remaining(line) })) });

  const submitReceive = async ({ lines }: ReceiveValues) => {
    // Only lines with something to receive are sent; userErrors name the sent index, so map it back.
    const sent = lines.map((line, index) => ({ ...line, index })).filter((line) => (line.quantity ?? 0) > 0);
    if (!sent.length) return setErrors([t('nothingToReceive')]);
    setBusy(true);
    const result = await withStepUp(() =>
      receivePurchaseOrder({ id: order.id, lines: sent.map(({ lineId, quantity }) => ({ lineId, quantity: quantity ?? 0 })) }),
    ).finally(() => setBusy(false));
    if (!result.ok) {
      if (result.reason === 'USER_ERRORS') {
        result.userErrors = result.userErrors.map((error) => {
          const field = error.field;
          if (field?.[1] !== 'lines' || !field[2] || !/^\d+$/.test(field[2])) return error;
          const formIndex = sent[Number(field[2])]?.index;
          return formIndex === undefined ? error : { ...error, field: [...field.slice(0, 2), String(formIndex), ...field.slice(3)] };
        });
      }
      return setErrors(report(result, form));
    }
    void message.success(t('receivedDone', { number: order.number }));
    setReceiving(false);
    router.refresh();
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: t('columns.status'), children: <PurchaseOrderStatusTag status={status} /> },
            { key: 'supplier', label: t('columns.supplier'), children: order.supplierName ?? tc('none') },
            { key: 'warehouse', label: t('columns.warehouse'), children: <WarehouseLabel warehouse={order.warehouse} /> },
            { key: 'total', label: t('columns.total'), children: order.total },
            { key: 'createdAt', label: t('columns.createdAt'), children: order.createdAt },
          ]}
        />
        {canWrite && (
          <Space wrap style={{ marginTop: 16 }}>
            {status === 'DRAFT' && (
              <Popconfirm
                title={t('orderTitle', { number: order.number })}
                description={t('orderDescription')}
                okText={t('order')}
                cancelText={tc('cancel')}
                okButtonProps={{ 'data-testid': 'po-order-confirm' } as ButtonProps}
                onConfirm={() => act(() => orderPurchaseOrder(order.id), t('orderedDone', { number: order.number }))}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="po-order">
                  {t('order')}
                </Button>
              </Popconfirm>
            )}
            {open && (
              <Button type="primary" icon={<InboxOutlined />} onClick={openReceive} data-testid="po-receive">
                {t('receive')}
              </Button>
            )}
            {(status === 'DRAFT' || status === 'ORDERED') && (
              <Popconfirm
                title={t('cancelTitle', { number: order.number })}
                description={t('cancelDescription')}
                okText={t('cancelOrder')}
                okButtonProps={{ danger: true, 'data-testid': 'po-cancel-confirm' } as ButtonProps}
                cancelText={tc('cancel')}
                onConfirm={() => act(() => cancelPurchaseOrder(order.id), t('cancelledDone', { number: order.number }))}
              >
                <Button danger icon={<CloseCircleOutlined />} loading={busy} data-testid="po-cancel">
                  {t('cancelOrder')}
                </Button>
              </Popconfirm>
            )}
            {(open || status === 'RECEIVED') && (
              <Popconfirm
                title={t('closeTitle', { number: order.number })}
                description={t('closeDescription')}
                okText={t('close')}
                okButtonProps={{ danger: true, 'data-testid': 'po-close-confirm' } as ButtonProps}
                cancelText={tc('cancel')}
                onConfirm={() => act(() => closePurchaseOrder(order.id), t('closedDone', { number: order.number }))}
              >
                <Button icon={<LockOutlined />} loading={busy} data-testid="po-close">
                  {t('close')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Card>
      <Table<PurchaseOrderLineRow>
        rowKey="id"
        dataSource={order.lines}
        pagination={false}
        onRow={lineProps}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('noLines')} /> }}
        columns={[
          { key: 'variant', title: t('lineColumns.variant'), render: (_: unknown, line) => <VariantLabel variant={line.variant} /> },
          { key: 'ordered', dataIndex: 'quantityOrdered', title: t('lineColumns.ordered'), align: 'end' },
          {
            key: 'received',
            dataIndex: 'quantityReceived',
            title: t('lineColumns.received'),
            align: 'end',
            render: (n: number) => <span data-testid="po-line-received">{n}</span>,
          },
          { key: 'remaining', title: t('lineColumns.remaining'), align: 'end', render: (_: unknown, line) => remaining(line) },
          { key: 'unitCost', dataIndex: 'unitCost', title: t('lineColumns.unitCost'), align: 'end' },
        ]}
      />
      {mounted && canWrite && (
        <Modal
          open={receiving}
          title={t('receiveTitle', { number: order.number })}
          okText={t('receiveSubmit')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'po-receive-form', loading: busy, 'data-testid': 'po-receive-submit' } as ButtonProps}
          onCancel={() => setReceiving(false)}
          width={720}
          forceRender
        >
          <FormErrors messages={errors} />
          <Button icon={<CheckOutlined />} onClick={fillRemaining} style={{ marginBottom: 16 }} data-testid="po-receive-all">
            {t('receiveAll')}
          </Button>
          <Form form={form} id="po-receive-form" layout="vertical" onFinish={submitReceive}>
            <Form.List name="lines">
              {(fields) =>
                fields.map((field) => {
                  const line = order.lines[field.name];
                  if (!line) return null;
                  return (
                    <Flex key={field.key} gap={12} align="center" wrap>
                      <div style={{ flex: 1, minWidth: 220 }}>
                        <VariantLabel variant={line.variant} />
                      </div>
                      <Form.Item name={[field.name, 'lineId']} hidden>
                        <input type="hidden" />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'quantity']}
                        label={t('receiveQuantity', { remaining: remaining(line) })}
                        rules={[{ type: 'integer', min: 0, max: remaining(line), message: t('receiveInvalid', { remaining: remaining(line) }) }]}
                      >
                        <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid={`po-receive-quantity-${field.name}`} />
                      </Form.Item>
                    </Flex>
                  );
                })
              }
            </Form.List>
          </Form>
        </Modal>
      )}
    </Flex>
  );
}
