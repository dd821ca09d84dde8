'use client';

import { useState } from 'react';
import type { FormInstance } from 'antd';

import type { ActionResult } from '@/lib/mutation';

import { useStockFeedback } from './stock-feedback';
import type { RowError } from './stocktake-row-errors';

/** Row errors (`["input", "csv", "<row>"]`) go into their own table; the rest show above the form as usual. */
export function useStocktakeFeedback(form: FormInstance) {
  const { report, describe } = useStockFeedback();
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

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

  return { errors, rowErrors, handle };
}
