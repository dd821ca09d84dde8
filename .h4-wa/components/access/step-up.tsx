'use client';

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { SafetyOutlined } from '@ant-design/icons';
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { confirmStepUp } from '@/app/(console)/actions';
import type { ActionResult } from '@/lib/mutation';

type WithStepUp = <T>(run: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;

const StepUpContext = createContext<WithStepUp | null>(null);

/**
 * Runs a sensitive server action; when the gateway answers STEP_UP_REQUIRED, asks for
 * the password (stepUpConfirm sets the `shop_step_up` cookie) and runs the action once more.
 * Cancelling the prompt hands back the STEP_UP_REQUIRED result.
 */
export function useStepUp(): WithStepUp {
  const withStepUp = useContext(StepUpContext);
  if (!withStepUp) throw new Error('useStepUp needs a StepUpProvider (the console shell has one)');
  return withStepUp;
}

export function StepUpProvider({ children }: { children: ReactNode }) {
  const t = useTranslations('stepUp');
  const [form] = Form.useForm<{ password: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((confirmed: boolean) => void) | null>(null);

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setOpen(true);
      }),
    [],
  );

  const finish = (confirmed: boolean) => {
    setOpen(false);
    form.resetFields();
    settle.current?.(confirmed);
    settle.current = null;
  };

  const withStepUp = useCallback<WithStepUp>(
    async (run) => {
      const first = await run();
      if (first.ok || first.reason !== 'STEP_UP_REQUIRED') return first;
      if (!(await ask())) return first;
      return run();
    },
    [ask],
  );

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      const result = await confirmStepUp(password);
      if (result.ok) return finish(true);
      form.setFields([
        {
          name: 'password',
          errors: [result.reason === 'USER_ERRORS' ? t('wrongPassword') : t('failed')],
        },
      ]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      <Modal
        open={open}
        title={
          <span>
            <SafetyOutlined /> {t('title')}
          </span>
        }
        okText={t('confirm')}
        okButtonProps={{ htmlType: 'submit', form: 'step-up-form', loading: busy, 'data-testid': 'step-up-confirm' } as ButtonProps}
        onCancel={() => finish(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('description')}</Typography.Paragraph>
        <Form form={form} id="step-up-form" layout="vertical" onFinish={submit}>
          <Form.Item
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('passwordRequired') }]}
          >
            <Input.Password autoFocus autoComplete="current-password" data-testid="step-up-password" />
          </Form.Item>
        </Form>
      </Modal>
    </StepUpContext.Provider>
  );
}
