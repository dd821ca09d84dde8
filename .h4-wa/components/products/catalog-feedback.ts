'use client';

import { App, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';

import type { ActionResult, UserError } from '@/lib/mutation';

/** CatalogErrorCode values with a translation under `catalogErrors`. */
const catalogCodes = [
  'UNKNOWN_PRODUCT', 'UNKNOWN_VARIANT', 'UNKNOWN_CATEGORY', 'UNKNOWN_COLLECTION', 'UNKNOWN_REVIEW', 'UNKNOWN_MEDIA',
  'INVALID_TITLE', 'INVALID_HANDLE', 'HANDLE_TAKEN', 'INVALID_SKU', 'DUPLICATE_SKU', 'INVALID_BARCODE',
  'INVALID_PRICE', 'NEGATIVE_PRICE', 'INVALID_WEIGHT', 'TOO_MANY_OPTIONS', 'TOO_MANY_VARIANTS', 'INVALID_OPTION',
  'VARIANT_OPTIONS_MISMATCH', 'DUPLICATE_VARIANT', 'INVALID_TAG', 'DESCRIPTION_TOO_LONG', 'SEO_TOO_LONG',
  'INVALID_LOCALE', 'CATEGORY_TOO_DEEP', 'CATEGORY_CYCLE', 'CATEGORY_HAS_CHILDREN', 'TOO_MANY_ITEMS',
  'NOT_PURCHASED', 'ALREADY_REVIEWED', 'INVALID_RATING', 'INVALID_REVIEW', 'INVALID_STATUS',
] as const;
type CatalogCode = (typeof catalogCodes)[number];
const isCatalogCode = (code: string): code is CatalogCode => (catalogCodes as readonly string[]).includes(code);

/** An antd name path. */
export type NamePath = (string | number)[];

/** `["variants", "2", "sku"]` (or with a leading "input") → `["variants", 2, "sku"]`. */
function namePathOf(field: readonly string[]): NamePath {
  const rest = field[0] === 'input' ? field.slice(1) : field;
  return rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const key = (path: readonly (string | number)[]) => path.map(String).join('.');

/**
 * Reports a failed catalog action. A userError whose `field` path (after `toForm`, for
 * inputs shaped differently from the form) or its longest registered prefix names a field
 * of `form` goes onto that field, translated; the others come back for an inline alert.
 * Without a form, and for GraphQL refusals, a toast. Returns the unplaced messages.
 */
export function useCatalogFeedback() {
  const t = useTranslations('catalogErrors');
  const { message } = App.useApp();

  const describe = (error: UserError): string => (isCatalogCode(error.code) ? t(error.code) : error.message);

  function report<T>(result: ActionResult<T>, form?: FormInstance, toForm: (path: NamePath) => NamePath = (p) => p): string[] {
    if (result.ok) return [];
    if (result.reason !== 'USER_ERRORS') {
      void message.error(t(result.reason));
      return [];
    }
    const registered = new Map(form ? form.getFieldsError().map(({ name }) => [key(name), name] as const) : []);
    const placed = new Map<string, { name: NamePath; errors: string[] }>();
    const loose: string[] = [];
    for (const error of result.userErrors) {
      const path = error.field?.length ? toForm(namePathOf(error.field)) : [];
      let name: NamePath | undefined;
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
