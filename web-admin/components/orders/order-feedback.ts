'use client';

import { App, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';

import { namePath } from '@/components/stock/stock-feedback';
import type { ActionResult, UserError } from '@/lib/mutation';

/** Codes of OrderErrorCode, PaymentErrorCode and OrderFlagErrorCode with a translation under `orderErrors`. */
const orderCodes = [
  'NOT_FOUND',
  'INVALID',
  'INVALID_QUANTITY',
  'NOT_SELLABLE',
  'SOLD_OUT',
  'INSUFFICIENT_STOCK',
  'INVALID_CHANNEL',
  'INVALID_TRANSITION',
  'ORDER_ON_HOLD',
  'INVALID_AMOUNT',
  'INVALID_METHOD',
  'CURRENCY_MISMATCH',
  'INVALID_STATE',
  'NOTHING_DUE',
  'EXCEEDS_CAPTURED',
  'PROVIDER_REFUSED',
  'NOT_ON_HOLD',
] as const;
type OrderCode = (typeof orderCodes)[number];
const isOrderCode = (code: string): code is OrderCode => (orderCodes as readonly string[]).includes(code);
/** Codes whose server message names the specifics (the current state, the variant): shown after the translation. */
const detailed: readonly string[] = ['INVALID', 'INVALID_TRANSITION', 'INVALID_STATE', 'ORDER_ON_HOLD', 'SOLD_OUT', 'NOT_SELLABLE', 'PROVIDER_REFUSED'];

export interface OrderUserError extends UserError {
  availableQuantity?: number | null;
}

const key = (path: readonly (string | number)[]) => path.map(String).join('.');

/**
 * Reports a failed orders action. userErrors whose `field` path (or its longest registered
 * prefix) names a field of `form` go onto that field; the others come back as messages for
 * the dialog to show inline. GraphQL refusals (FORBIDDEN, ERROR) become a toast.
 */
export function useOrderFeedback() {
  const t = useTranslations('orderErrors');
  const { message } = App.useApp();

  const describe = (error: OrderUserError): string => {
    if (!isOrderCode(error.code)) return error.message;
    const text = t(error.code, { available: error.availableQuantity ?? 0 });
    return detailed.includes(error.code) && error.message ? `${text} (${error.message})` : text;
  };

  function report<T>(result: ActionResult<T>, form?: FormInstance): string[] {
    if (result.ok) return [];
    if (result.reason !== 'USER_ERRORS') {
      void message.error(t(result.reason));
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
    return loose;
  }

  return { report };
}
