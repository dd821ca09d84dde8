'use client';

import { useState, type ChangeEvent, type HTMLAttributes } from 'react';
import { CheckOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { applyStocktake, previewStocktake } from '@/app/(console)/stock/stocktake/actions';
import type { StocktakeLine } from '@/app/(console)/stock/stocktake/stocktake.graphql';
import { useStepUp } from '@/components/access/step-up';
import type { ActionResult } from '@/lib/mutation';

import { FormErrors } from '@/components/shell/form-errors';
import { useStockFeedback } from './stock-feedback';
import { VariantLabel } from './variant-label';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

interface Values {
  warehouseId: string;
  csv: string;
}

interface RowError {
  row: string;
  message: string;
}

const lineProps = (line: StocktakeLine): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'stocktake-line', 'data-sku': line.sku }) as HTMLAttributes<HTMLElement>;

export function StocktakeForm({ warehouses }: { warehouses: WarehouseLabel_Warehouse[] }) {
  const t = useTranslations('stock.stocktake');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report, describe } = useStockFeedback();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [lines, setLines] = useState<StocktakeLine[] | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  /** The sheet the preview was made from: Apply sends exactly that. */
  const [previewed, setPreviewed] = useState<Values | null>(null);

  /** Row errors (`["input", "csv", "<row>"]`) go into their own table; the rest as usual. */
  const handle = <T,>(result: ActionResult<T>) => {
    setRowErrors([]);
    setErrors([]);
    if (result.ok) return;
    if (result.reason !== 'USER_ERRORS') return void report(result);
    const perRow = result.userErrors.filter((e) => e.field?.[1] === 'csv' && e.field.length > 2);
    const rest = result.userErrors.filter((e) => !perRow.includes(e));
    setRowErrors(perRow.map((e) => ({ row: e.field![2]!, message: describe(e) })));
    if (rest.length) setErrors(report({ ...result, userErrors: rest }, form));
  };

  const preview = async (values: Values) => {
    setBusy('preview');
    const result = await withStepUp(() => previewStocktake(values)).finally(() => setBusy(null));
    handle(result);
    setLines(result.ok ? result.value : null);
    setPreviewed(result.ok ? values : null);
  };

  const apply = async () => {
    if (!previewed) return;
    setBusy('apply');
    const result = await withStepUp(() => applyStocktake(previewed)).finally(() => setBusy(null));
    handle(result);
    if (!result.ok) return;
    void message.success(t('applied', { count: result.value }));
    setLines(null);
    setPreviewed(null);
    form.resetFields(['csv']);
    router.refresh();
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    form.setFieldsValue({ csv: await file.text() });
    setPreviewed(null);
    event.target.value = '';
  };

  const differences = lines?.filter((line) => line.difference !== 0) ?? [];

  return (
    <Flex vertical gap={16}>
      <Card>
        <FormErrors messages={errors} />
        <Form
          form={form}
          layout="vertical"
          onFinish={preview}
          onValuesChange={() => setPreviewed(null)}
          data-testid="stocktake-form"
        >
          <Form.Item name="warehouseId" label={t('warehouse')} rules={[{ required: true, message: tc('required') }]} style={{ maxWidth: 320 }}>
            <Select
              data-testid="stocktake-warehouse"
              options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code }))}
            />
          </Form.Item>
          <Form.Item name="csv" label={t('csv')} extra={t('csvHint')} rules={[{ required: true, message: tc('required') }]}>
            <Input.TextArea rows={8} placeholder={'sku,counted\nSKU-001,12'} dir="ltr" spellCheck={false} data-testid="stocktake-csv" />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button icon={<UploadOutlined />} onClick={() => document.getElementById('stocktake-file')?.click()}>
              {t('upload')}
            </Button>
            <input id="stocktake-file" type="file" accept=".csv,text/csv" hidden onChange={upload} data-testid="stocktake-file" />
            <Button type="primary" htmlType="submit" icon={<EyeOutlined />} loading={busy === 'preview'} data-testid="stocktake-preview">
              {t('preview')}
            </Button>
            <Popconfirm
              title={t('applyTitle')}
              description={t('applyDescription', { count: differences.length })}
              okText={t('apply')}
              okButtonProps={{ danger: true }}
              cancelText={tc('cancel')}
              // Closes at once: a returned promise would keep it open over the step-up prompt.
              onConfirm={() => void apply()}
              disabled={!previewed || rowErrors.length > 0}
            >
              <Button
                danger
                icon={<CheckOutlined />}
                disabled={!previewed || rowErrors.length > 0}
                loading={busy === 'apply'}
                data-testid="stocktake-apply"
              >
                {t('apply')}
              </Button>
            </Popconfirm>
          </Flex>
        </Form>
      </Card>
      {rowErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('rowErrors', { count: rowErrors.length })}
          data-testid="stocktake-row-errors"
          description={
            <Table<RowError>
              size="small"
              rowKey={(e) => `${e.row}:${e.message}`}
              dataSource={rowErrors}
              pagination={false}
              columns={[
                { key: 'row', dataIndex: 'row', title: t('row'), width: 80 },
                { key: 'message', dataIndex: 'message', title: t('error') },
              ]}
            />
          }
        />
      )}
      {lines && (
        <Card title={t('differences', { count: differences.length, total: lines.length })}>
          <Table<StocktakeLine>
            rowKey="sku"
            dataSource={differences}
            pagination={false}
            onRow={lineProps}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('noDifferences')} /> }}
            columns={[
              {
                key: 'variant',
                title: t('variant'),
                render: (_: unknown, line) =>
                  line.variant ? <VariantLabel variant={line.variant} /> : <Typography.Text code>{line.sku}</Typography.Text>,
              },
              { key: 'onHand', dataIndex: 'onHand', title: t('onHand'), align: 'end' },
              { key: 'counted', dataIndex: 'counted', title: t('counted'), align: 'end' },
              {
                key: 'difference',
                dataIndex: 'difference',
                title: t('difference'),
                align: 'end',
                render: (d: number) => (
                  <Typography.Text type={d < 0 ? 'danger' : 'success'} dir="ltr">
                    {d > 0 ? `+${d}` : `−${Math.abs(d)}`}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
