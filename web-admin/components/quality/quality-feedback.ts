'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

/** Codes of QualityErrorCode, each translated under `qualityErrors`; INVALID also shows the server's specifics. */
const qualityCodes = ['NOT_FOUND', 'INVALID', 'INVALID_STATE'] as const;

/** Reports a failed quality action: field errors onto the form, the rest back to the dialog. */
export function useQualityFeedback() {
  return useUserErrorFeedback({ namespace: 'qualityErrors', codes: qualityCodes });
}
