'use client';

import { App, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';

import type { ActionResult, UserError } from '@/lib/mutation';

/** Known StockErrorCode values with a translation under `stockErrors`. */
const stockCodes = [
  'INVALID_QUANTITY',
  'UNKNOWN_WAREHOUSE',
  'UNKNOWN_VARIANT',
  'INSUFFICIENT_STOCK',
  'SAME_WAREHOUSE',
  'INVALID_STATE',
  'RECEIVING_MORE_THAN_ORDERED',
  'DUPLICATE_CODE',
  'DUPLICATE_REFERENCE',
  'NOT_FOUND',
  'INVALID_CSV',
  'UNKNOWN_SKU',
  'INVALID',
] as const;
type StockCode = (typeof stockCodes)[number];
const isStockCode = (code: string): code is StockCode => (stockCodes as readonly string[]).includes(code);
/** Codes whose server message names the specifics (current state, row, column): shown after the translation. */
const detailed: readonly string[] = ['INVALID_STATE', 'INVALID_CSV', 'UNKNOWN_SKU', 'INVALID'];

/** A StockUserError as every stock payload selects it. */
export interface StockUserError extends UserError {
  availableQuantity?: number | null;
}

/** `["input", "lines", "0", "quantity"]` → the antd name path `["lines", 0, "quantity"]`. */
export function namePath(field: readonly string[]): (string | number)[] {
  const rest = field[0] === 'input' ? field.slice(1) : field;
  return rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const key = (path: readonly (string | number)[]) => path.map(String).join('.');

/**
 * Reports a failed stock action. userErrors whose `field` path (or its longest registered
 * prefix) names a field of `form` go onto that field; the messages of the others come back
 * for the dialog to show inline. Without a form, or for GraphQL refusals, a toast.
 */
export function useStockFeedback() {
  const t = useTranslations('stockErrors');
  const { message } = App.useApp();

  const describe = (error: StockUserError): string => {
    if (!isStockCode(error.code)) return error.message;
    const text = t(error.code, { available: error.availableQuantity ?? 0 });
    return detailed.includes(error.code) && error.message ? `${text} (${error.message})` : text;
  };

  function report<T>(result: ActionResult<T>, form?: FormInstance): string[] {
    if (result.ok) return [];
    if (result.reason !== 'USER_ERRORS') {
      const text = result.reason === 'ERROR' ? t('ERROR') : t(result.reason);
      void message.error(text);
      return [];
    }
    const registered = new Map(form ? form.getFieldsError().map(({ name }) => [key(name), name] as const) : []);
    const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const loose: string[] = [];
    for (const error of result.userErrors) {
      const path = error.field?.length ? namePath(error.field) : [];
      let name: (string | number)[] | undefined;
      for (let end = path.length; end > 0 && !name; end--) name = registered.get(key(path.slice(0, end)));
      if (!name) {
        loose.push(describe(error));
        continue;
      }
      const entry = placed.get(key(name)) ?? { name, errors: [] };
      entry.errors.push(describe(error));
      placed.set(key(name), entry);
    }
    form?.setFields([...placed.values()]);
    if (!form) for (const text of loose) void message.error(text);
    return form ? loose : [];
  }

  return { report, describe };
}
