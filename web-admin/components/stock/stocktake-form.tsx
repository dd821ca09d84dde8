'use client';

import { useState } from 'react';
import { App, Card, Flex, Form } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { applyStocktake, previewStocktake } from '@/app/(console)/stock/stocktake/actions';
import type { StocktakeLine } from '@/app/(console)/stock/stocktake/stocktake.graphql';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { StocktakeActions } from './stocktake-actions';
import { StocktakeDifferences } from './stocktake-differences';
import { StocktakeRowErrors } from './stocktake-row-errors';
import { StocktakeFileButton, StocktakeSheetFields } from './stocktake-sheet-fields';
import { useStocktakeFeedback } from './use-stocktake-feedback';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

interface Values {
  warehouseId: string;
  csv: string;
}

/** A stocktake sheet (CSV) for one warehouse: preview the differences, then apply exactly that sheet. */
export function StocktakeForm({ warehouses }: { warehouses: WarehouseLabel_Warehouse[] }) {
  const t = useTranslations('stock.stocktake');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const [form] = Form.useForm<Values>();
  const { errors, rowErrors, handle } = useStocktakeFeedback(form);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [lines, setLines] = useState<StocktakeLine[] | null>(null);
  /** The sheet the preview was made from: Apply sends exactly that. */
  const [previewed, setPreviewed] = useState<Values | null>(null);

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

  return (
    <Flex vertical gap={16}>
      <Card>
        <FormErrors messages={errors} />
        <Form form={form} layout="vertical" onFinish={preview} onValuesChange={() => setPreviewed(null)} data-testid="stocktake-form">
          <StocktakeSheetFields warehouses={warehouses} />
          <Flex gap={8} wrap>
            <StocktakeFileButton onRead={() => setPreviewed(null)} />
            <StocktakeActions lines={lines} canApply={!!previewed && !rowErrors.length} busy={busy} onApply={apply} />
          </Flex>
        </Form>
      </Card>
      <StocktakeRowErrors errors={rowErrors} />
      {lines && <StocktakeDifferences lines={lines} />}
    </Flex>
  );
}
