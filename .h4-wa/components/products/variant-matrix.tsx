'use client';

import { Alert, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/** One row of the variant matrix as the form holds it. */
export interface VariantValues {
  id?: string;
  options: string[];
  sku: string;
  barcode: string;
  weightGrams: number | null;
  price: string;
  compareAtPrice: string;
  costPrice: string;
}

export interface OptionValues {
  name: string;
  values: string[];
}

/** Every combination of the axes' values, first axis slowest, as the catalog generates them. */
export function combinations(options: readonly OptionValues[]): string[][] {
  return options.reduce<string[][]>(
    (acc, option) => acc.flatMap((prefix) => option.values.map((value) => [...prefix, value])),
    [[]],
  );
}

/** The axes that count: named and with at least one value. */
export function usableOptions(options: readonly (Partial<OptionValues> | undefined)[] | undefined): OptionValues[] {
  return (options ?? [])
    .filter((o): o is OptionValues => !!o?.name?.trim() && !!o.values?.length)
    .map((o) => ({ name: o.name.trim(), values: o.values.map((v) => v.trim()).filter(Boolean) }));
}

const keyOf = (values: readonly string[]) => values.join('\u0000');

/**
 * The variant rows for these axes: one per combination, keeping what was entered for a
 * combination that already had a row (so editing an axis keeps ids, SKUs and prices).
 */
export function matrixRows(options: readonly OptionValues[], current: readonly VariantValues[]): VariantValues[] {
  const byKey = new Map(current.map((row) => [keyOf(row.options), row]));
  // A product without axes has one variant: keep the only row there was.
  const lone = current.length === 1 ? current[0] : undefined;
  return combinations(options).map(
    (combo) =>
      byKey.get(keyOf(combo)) ??
      (options.length === 0 && lone ? { ...lone, options: [] } : undefined) ?? {
        options: combo,
        sku: '',
        barcode: '',
        weightGrams: null,
        price: current[0]?.price ?? '',
        compareAtPrice: '',
        costPrice: '',
      },
  );
}

const amount = /^\d+(\.\d{1,2})?$/;

/**
 * The variants as an editable table (the `variants` form list): SKU (generated when
 * empty), barcode, weight, price, compare-at price and, with catalog:read_cost, cost price.
 */
export function VariantMatrix({ canReadCost, max, tooMany }: { canReadCost: boolean; max: number; tooMany: number | null }) {
  const t = useTranslations('productEditor.variants');
  const tc = useTranslations('common');
  const form = Form.useFormInstance();
  // preserve: the option values of a row have no field of their own.
  const rows = (Form.useWatch('variants', { form, preserve: true }) as VariantValues[] | undefined) ?? [];

  const amountRule = (required: boolean) => [
    ...(required ? [{ required: true, message: tc('required') }] : []),
    { pattern: amount, message: t('amountInvalid') },
  ];

  /** Copies the first row's value of a column to every row. */
  const applyToAll = (column: 'price' | 'compareAtPrice' | 'costPrice' | 'weightGrams') => {
    const first = rows[0]?.[column];
    form.setFieldValue('variants', rows.map((row) => ({ ...row, [column]: first })));
  };

  const header = (label: string, column?: 'price' | 'compareAtPrice' | 'costPrice' | 'weightGrams') => (
    <span>
      {label}
      {column && rows.length > 1 && (
        <Button type="link" size="small" onClick={() => applyToAll(column)} data-testid={`variants-apply-${column}`}>
          {t('applyToAll')}
        </Button>
      )}
    </span>
  );

  return (
    <>
      {tooMany !== null ? (
        <Alert type="warning" showIcon data-testid="variants-too-many" title={t('tooMany', { count: tooMany, max })} style={{ marginBottom: 12 }} />
      ) : (
        <Typography.Text type="secondary" data-testid="variants-count">
          {t('count', { count: rows.length, max })}
        </Typography.Text>
      )}
      <Form.List name="variants">
        {(fields) => (
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={fields}
            scroll={{ x: 'max-content' }}
            onRow={(_, index) => ({ 'data-testid': 'variant-row', 'data-index': index }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'variant',
                title: t('variant'),
                render: (_: unknown, field) => (
                  <Typography.Text strong data-testid="variant-title">
                    {rows[field.name]?.options?.length ? rows[field.name]!.options.join(' / ') : t('default')}
                  </Typography.Text>
                ),
              },
              {
                key: 'sku',
                title: t('sku'),
                render: (_: unknown, field) => (
                  <Form.Item name={[field.name, 'sku']} style={{ margin: 0 }}>
                    <Input placeholder={t('skuGenerated')} dir="ltr" style={{ width: 160 }} data-testid="variant-sku" />
                  </Form.Item>
                ),
              },
              {
                key: 'barcode',
                title: t('barcode'),
                render: (_: unknown, field) => (
                  <Form.Item name={[field.name, 'barcode']} style={{ margin: 0 }}>
                    <Input dir="ltr" style={{ width: 140 }} data-testid="variant-barcode" />
                  </Form.Item>
                ),
              },
              {
                key: 'weight',
                title: header(t('weight'), 'weightGrams'),
                render: (_: unknown, field) => (
                  <Form.Item name={[field.name, 'weightGrams']} style={{ margin: 0 }}>
                    <InputNumber min={0} precision={0} style={{ width: 100 }} data-testid="variant-weight" />
                  </Form.Item>
                ),
              },
              {
                key: 'price',
                title: header(t('price'), 'price'),
                render: (_: unknown, field) => (
                  <Form.Item name={[field.name, 'price']} rules={amountRule(true)} style={{ margin: 0 }}>
                    <Input inputMode="decimal" placeholder="0.00" dir="ltr" style={{ width: 110 }} data-testid="variant-price" />
                  </Form.Item>
                ),
              },
              {
                key: 'compareAtPrice',
                title: header(t('compareAtPrice'), 'compareAtPrice'),
                render: (_: unknown, field) => (
                  <Form.Item name={[field.name, 'compareAtPrice']} rules={amountRule(false)} style={{ margin: 0 }}>
                    <Input inputMode="decimal" dir="ltr" style={{ width: 110 }} data-testid="variant-compare-at" />
                  </Form.Item>
                ),
              },
              ...(canReadCost
                ? [
                    {
                      key: 'costPrice',
                      title: header(t('costPrice'), 'costPrice'),
                      render: (_: unknown, field: { name: number }) => (
                        <Form.Item name={[field.name, 'costPrice']} rules={amountRule(false)} style={{ margin: 0 }}>
                          <Input inputMode="decimal" dir="ltr" style={{ width: 110 }} data-testid="variant-cost" />
                        </Form.Item>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Form.List>
    </>
  );
}
