'use client';

import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useRouter } from 'next/navigation';

import { useStepUp } from '@/components/access/step-up';
import type { ActionResult } from '@/lib/mutation';

import { useQualityFeedback } from './quality-feedback';

/** Runs a quality server action: step-up when asked, userErrors onto the form (the rest returned), a refresh on success. */
export function useQualityAction() {
  const router = useRouter();
  const withStepUp = useStepUp();
  const { report } = useQualityFeedback();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function run<T>(action: () => Promise<ActionResult<T>>, form?: FormInstance): Promise<boolean> {
    setBusy(true);
    const result = await withStepUp(action).finally(() => setBusy(false));
    setErrors(report(result, form));
    if (result.ok) router.refresh();
    return result.ok;
  }

  return { run, busy, errors, clearErrors: () => setErrors([]) };
}
