'use client';

import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { useRouter } from 'next/navigation';

import { useStepUp } from '@/components/access/step-up';
import type { NamePath } from '@/components/shell/user-error-feedback';
import type { ActionResult } from '@/lib/mutation';

import { useMemberFeedback } from './member-feedback';

/**
 * Runs a members server action the way every member form does: through a step-up when the
 * gateway asks for one, userErrors onto the form's fields (the rest kept for the dialog), and
 * the page re-rendered from the server on success.
 */
export function useMemberAction() {
  const router = useRouter();
  const withStepUp = useStepUp();
  const { report } = useMemberFeedback();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  /** `toForm` maps an input path to the form's field name where the two differ. */
  async function run<T>(action: () => Promise<ActionResult<T>>, form?: FormInstance, toForm?: (path: NamePath) => NamePath): Promise<boolean> {
    setBusy(true);
    const result = await withStepUp(action).finally(() => setBusy(false));
    setErrors(report(result, form, toForm));
    if (result.ok) router.refresh();
    return result.ok;
  }

  const clearErrors = useCallback(() => setErrors([]), []);
  return { run, busy, errors, clearErrors };
}
