'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

/** AccessErrorCode values a webhook action can answer, each with a translation under `webhookErrors`. */
const codes = ['URL_NOT_ALLOWED', 'INVALID', 'NOT_FOUND'] as const;

/** Reports a failed webhook action: onto the form field its userError names, else as a message. */
export function useWebhookFeedback() {
  return useUserErrorFeedback({ namespace: 'webhookErrors', codes });
}
