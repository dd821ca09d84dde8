'use client';

import { App, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';

import type { ActionResult, UserError } from '@/lib/mutation';

/** Known AccessErrorCode values with a translation under `accessErrors`. */
const accessCodes = [
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'ACCOUNT_DISABLED',
  'EMAIL_TAKEN',
  'NAME_TAKEN',
  'INVALID',
  'WEAK_PASSWORD',
  'UNKNOWN_ROLE',
  'UNKNOWN_SCOPE',
  'NOT_FOUND',
  'BUILT_IN_ROLE',
  'LAST_OWNER',
  'UNKNOWN_TIME_ZONE',
  'UNSUPPORTED_CURRENCY',
] as const;
type AccessCode = (typeof accessCodes)[number];
const isAccessCode = (code: string): code is AccessCode => (accessCodes as readonly string[]).includes(code);

/**
 * Reports a failed action: userErrors with a `field` go onto that form field (the last
 * segment of the path names it), the rest and GraphQL refusals become a message.
 */
export function useActionFeedback() {
  const t = useTranslations('accessErrors');
  const { message } = App.useApp();
  const describe = (error: UserError) => (isAccessCode(error.code) ? t(error.code) : error.message);
  return function report<T>(result: ActionResult<T>, form?: FormInstance, fields: string[] = []): void {
    if (result.ok) return;
    if (result.reason === 'USER_ERRORS') {
      const onField = result.userErrors.filter((e) => form && e.field?.length && fields.includes(e.field.at(-1)!));
      const loose = result.userErrors.filter((e) => !onField.includes(e));
      form?.setFields(onField.map((e) => ({ name: e.field!.at(-1)!, errors: [describe(e)] })));
      for (const error of loose) void message.error(describe(error));
      return;
    }
    void message.error(t(result.reason));
  };
}
