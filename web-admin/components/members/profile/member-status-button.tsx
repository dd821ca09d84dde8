'use client';

import { Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';

import { setDisabled } from './actions';
import { useMemberAction } from './use-member-action';

/** Disable (ends their sessions; step-up) or enable the member, each behind a confirmation. */
export function MemberStatusButton({ memberId, disabled }: { memberId: string; disabled: boolean }) {
  const t = useTranslations('memberDesk.status');
  const { run, busy, errors } = useMemberAction();
  return (
    <>
      <Popconfirm
        title={disabled ? t('enableConfirm') : t('disableConfirm')}
        okText={disabled ? t('enable') : t('disable')}
        okButtonProps={{ danger: !disabled, 'data-testid': 'member-status-confirm' } as ButtonProps}
        onConfirm={() => run(() => setDisabled(memberId, !disabled))}
      >
        <Button danger={!disabled} loading={busy} data-testid={disabled ? 'member-enable' : 'member-disable'}>
          {disabled ? t('enable') : t('disable')}
        </Button>
      </Popconfirm>
      <FormErrors messages={errors} />
    </>
  );
}
