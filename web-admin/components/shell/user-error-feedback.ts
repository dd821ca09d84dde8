'use client';

import { App, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';

import type { ActionResult, UserError } from '@/lib/mutation';

/** An antd form name path. */
export type NamePath = (string | number)[];

/** `["input", "lines", "0", "quantity"]` → the antd name path `["lines", 0, "quantity"]`. */
export function namePath(field: readonly string[]): NamePath {
  const rest = field[0] === 'input' ? field.slice(1) : field;
  return rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const key = (path: readonly (string | number)[]) => path.map(String).join('.');

/** Message namespaces holding one translation per error code, plus FORBIDDEN, THROTTLED, ERROR... for refusals. */
type ErrorNamespace = 'stockErrors' | 'orderErrors' | 'catalogErrors' | 'memberErrors' | 'promotionErrors' | 'flashSaleErrors' | 'afterSalesErrors' | 'qualityErrors' | 'webhookErrors' | 'reportErrors';

export interface FeedbackOptions<E extends UserError> {
  namespace: ErrorNamespace;
  /** Codes with a translation in the namespace; others show the server's message. */
  codes: readonly string[];
  /** Codes whose server message names the specifics (current state, row, SKU): shown after the translation. */
  detailed?: readonly string[];
  /** Values for the translation's placeholders. */
  values?: (error: E) => Record<string, string | number>;
}

/**
 * Reports a failed action of one domain. A userError whose `field` path (after
 * `toForm`, for inputs shaped unlike the form) or its longest registered prefix
 * names a field of `form` goes onto that field, translated; the others come back
 * for the dialog to show inline. Without a form, and for GraphQL refusals, a toast.
 */
export function useUserErrorFeedback<E extends UserError>(options: FeedbackOptions<E>) {
  // The code is only known at run time; `codes` lists the keys the namespace holds.
  const t = useTranslations(options.namespace) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const { message } = App.useApp();

  const describe = (error: E): string => {
    if (!options.codes.includes(error.code)) return error.message;
    const text = t(error.code, options.values?.(error));
    return options.detailed?.includes(error.code) && error.message ? `${text} (${error.message})` : text;
  };

  function report<T>(result: ActionResult<T>, form?: FormInstance, toForm: (path: NamePath) => NamePath = (p) => p): string[] {
    if (result.ok) return [];
    if (result.reason !== 'USER_ERRORS') {
      void message.error(t(result.reason));
      return [];
    }
    const registered = new Map(form ? form.getFieldsError().map(({ name }) => [key(name), name] as const) : []);
    const placed = new Map<string, { name: NamePath; errors: string[] }>();
    const loose: string[] = [];
    for (const error of result.userErrors as E[]) {
      const path = error.field?.length ? toForm(namePath(error.field)) : [];
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
