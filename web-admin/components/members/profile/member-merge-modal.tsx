'use client';

import { useState } from 'react';
import { App, Button, Modal, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';

import { mergeMember, type MergeCandidate } from './actions';
import { MergeTargetPicker } from './merge-target-picker';
import { useMemberAction } from './use-member-action';

/** Merges this member (the duplicate) into another one picked by search; confirmed in the dialog, then step-up. */
export function MemberMergeModal({ memberId, memberName }: { memberId: string; memberName: string }) {
  const t = useTranslations('memberDesk.merge');
  const tc = useTranslations('memberDesk');
  const router = useRouter();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<MergeCandidate | null>(null);
  const { run, busy, errors, clearErrors } = useMemberAction();

  const show = () => {
    clearErrors();
    setTarget(null);
    setOpen(true);
  };
  const submit = async () => {
    if (!target || !(await run(() => mergeMember(memberId, target.id)))) return;
    setOpen(false);
    void message.success(t('done', { target: target.label }));
    router.push(`/members/${target.id}`);
  };

  return (
    <>
      <Button onClick={show} data-testid="member-merge">{t('open')}</Button>
      <Modal
        open={open}
        title={t('title', { name: memberName })}
        okText={t('submit')}
        cancelText={tc('cancel')}
        okButtonProps={{ danger: true, disabled: !target, loading: busy, 'data-testid': 'member-merge-submit' } as ButtonProps}
        onOk={submit}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{t('description')}</Typography.Paragraph>
        <FormErrors messages={errors} />
        <MergeTargetPicker excludeId={memberId} value={target} onChange={setTarget} />
        {target ? <Typography.Paragraph type="danger" style={{ marginTop: 16 }}>{t('confirm', { source: memberName, target: target.label })}</Typography.Paragraph> : null}
      </Modal>
    </>
  );
}
