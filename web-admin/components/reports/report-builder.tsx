'use client';

import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslations } from 'next-intl';

import { previewReport } from '@/app/(console)/reports/actions';
import type { ReportPreviewResult } from '@/app/(console)/reports/reports.graphql';
import type { ValueUnit } from '@/components/charts/value-format';
import type { ReportDimension, ReportMetric } from '@/gql/graphql';

import { CURRENCY_CODES, REPORT_COMPARISONS } from './report-enums';
import { queryInputOf, type BuilderValues } from './report-query';
import { RANGE_PRESETS } from './report-range';
import { ReportResultView, type DayCalendar } from './report-result';

export interface BuilderCatalog {
  metrics: { metric: ReportMetric; unit: ValueUnit }[];
  dimensions: ReportDimension[];
}

/**
 * The report builder: metrics, dimensions and filters from the catalog the viewer may use,
 * a range preset (resolved on the shop's today) or custom shop days, a comparison and a
 * currency; Preview shows the chart and the table. `actions` renders what acts on the
 * current values (save, export).
 */
export function ReportBuilder({
  catalog,
  initialValues,
  today,
  weekStartsOn,
  calendar,
  actions,
}: {
  catalog: BuilderCatalog;
  initialValues: BuilderValues;
  today: string;
  weekStartsOn: number;
  calendar: DayCalendar;
  actions?: (values: () => BuilderValues | null) => ReactNode;
}) {
  const t = useTranslations('reportBuilder');
  const enums = useTranslations('reportEnums');
  const [form] = Form.useForm<BuilderValues>();
  const preset = Form.useWatch('preset', form) ?? initialValues.preset;
  const [result, setResult] = useState<ReportPreviewResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const units = Object.fromEntries(catalog.metrics.map((info) => [info.metric, info.unit]));

  async function preview(values: BuilderValues) {
    setBusy(true);
    const answer = await previewReport(queryInputOf(values, today, weekStartsOn)).finally(() => setBusy(false));
    setResult(answer.ok ? answer.result : null);
    setFailure(answer.ok ? null : t(`failure.${answer.reason}`));
  }

  const currentValues = () => {
    const values = form.getFieldsValue(true) as BuilderValues;
    return values.metrics?.length ? values : null;
  };
  const dimensionOptions = catalog.dimensions.map((dimension) => ({ value: dimension, label: enums(`dimension.${dimension}`) }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('title')}>
        <Form<BuilderValues> form={form} layout="vertical" initialValues={initialValues} onFinish={preview} data-testid="report-builder">
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item name="metrics" label={t('metrics')} rules={[{ required: true, message: t('metricsRequired') }]}>
                <Select
                  mode="multiple"
                  maxCount={8}
                  data-testid="builder-metrics"
                  options={catalog.metrics.map((info) => ({ value: info.metric, label: enums(`metric.${info.metric}`) }))}
                  optionFilterProp="label"
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="dimensions" label={t('dimensions')}>
                <Select mode="multiple" maxCount={2} data-testid="builder-dimensions" options={dimensionOptions} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="preset" label={t('range')}>
                <Select
                  data-testid="builder-preset"
                  options={[...RANGE_PRESETS, 'CUSTOM' as const].map((value) => ({ value, label: enums(`preset.${value}`) }))}
                />
              </Form.Item>
            </Col>
            {preset === 'CUSTOM' && (
              <>
                <Col xs={12} md={4}>
                  <Form.Item name="from" label={t('from')} rules={[{ required: true, message: t('dayRequired') }]}>
                    <Input type="date" dir="ltr" data-testid="builder-from" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name="to" label={t('to')} rules={[{ required: true, message: t('dayRequired') }]}>
                    <Input type="date" dir="ltr" data-testid="builder-to" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={12} md={4}>
              <Form.Item name="comparison" label={t('comparison')}>
                <Select options={REPORT_COMPARISONS.map((value) => ({ value, label: enums(`comparison.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="currencyCode" label={t('currency')}>
                <Select options={CURRENCY_CODES.map((value) => ({ value, label: value }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="filters">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'dimension']} label={t('filterDimension')} rules={[{ required: true, message: t('filterRequired') }]}>
                      <Select style={{ minWidth: 160 }} options={dimensionOptions} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'values']} label={t('filterValues')} rules={[{ required: true, message: t('filterRequired') }]}>
                      <Select mode="tags" style={{ minWidth: 240 }} open={false} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('removeFilter')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ values: [] })}>
                    {t('addFilter')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="builder-preview">
              {t('preview')}
            </Button>
            {actions?.(currentValues)}
          </Space>
        </Form>
      </Card>
      {failure && <Card data-testid="report-failure">{failure}</Card>}
      {result && <ReportResultView result={result} units={units} calendar={calendar} />}
    </Space>
  );
}
