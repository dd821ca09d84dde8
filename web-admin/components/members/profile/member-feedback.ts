'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

/** Codes of MemberErrorCode a staff form can meet, each translated under `memberErrors`. */
const memberCodes = [
  'EMAIL_TAKEN', 'INVALID', 'INVALID_EMAIL', 'INVALID_PHONE', 'INVALID_NAME', 'INVALID_BIRTHDAY', 'INVALID_DATE',
  'INVALID_TAG', 'INVALID_TEXT', 'MEMBER_NOT_FOUND', 'MEMBER_MERGED', 'MERGE_WITH_ITSELF', 'ENTRY_NOT_FOUND',
  'NO_FOLLOW_UP', 'ADDRESS_NOT_FOUND', 'INVALID_CHANNEL_ID', 'CHANNEL_ID_TAKEN', 'MEMBER_ERASED',
] as const;

/** Reports a failed members action: field errors onto the form, the rest back to the dialog (useUserErrorFeedback). */
export function useMemberFeedback() {
  return useUserErrorFeedback({ namespace: 'memberErrors', codes: memberCodes });
}
