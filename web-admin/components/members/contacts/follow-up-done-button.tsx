'use client';

import { Button } from 'antd';
import { useTranslations } from 'next-intl';

import { useMemberAction } from '../profile/use-member-action';
import { markFollowUpDone } from './actions';

/** Marks one entry's follow-up done; the list re-renders without it (follow-ups page) or with ✓ (member page). */
export function FollowUpDoneButton({ entryId }: { entryId: string }) {
  const t = useTranslations('memberDesk.contacts');
  const { run, busy, errors } = useMemberAction();
  return (
    <Button size="small" loading={busy} danger={errors.length > 0} title={errors.join(' ')} onClick={() => run(() => markFollowUpDone(entryId))} data-testid="follow-up-done">
      {t('markDone')}
    </Button>
  );
}
