'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

/** ReportErrorCode values with a translation in reportErrors. */
const codes = [
  'NOT_FOUND',
  'NAME_INVALID',
  'DEFINITION_INVALID',
  'METRIC_FORBIDDEN',
  'ROLE_UNKNOWN',
  'TIME_INVALID',
  'TARGET_INVALID',
  'RULE_INVALID',
  'NOTE_INVALID',
  'ALREADY_ACKNOWLEDGED',
] as const;

/** Reports mutations' userErrors onto their forms, translated; refusals as a toast. */
export function useReportFeedback() {
  return useUserErrorFeedback({ namespace: 'reportErrors', codes });
}
