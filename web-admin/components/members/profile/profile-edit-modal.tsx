'use client';

import { useState } from 'react';
import { Button, Form, Modal, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';
import { useMounted } from '@/components/shell/use-mounted';

import { updateProfile } from './actions';
import type { EditableMember, MemberProfileInput } from './profile.graphql';
import { ProfileFields } from './profile-fields';
import { useMemberAction } from './use-member-action';

type Values = Record<Exclude<keyof MemberProfileInput, 'displayName'>, string> & { displayName: string };

const OPTIONAL = ['givenName', 'familyName', 'email', 'phone', 'birthday', 'gender', 'locale', 'acquisitionChannel', 'notes'] as const;

/** The form's values: every optional field as text, '' when the member has none. */
function valuesOf(member: EditableMember): Values {
  const values = { displayName: member.displayName ?? '' } as Values;
  for (const key of OPTIONAL) values[key] = member[key] ?? '';
  return values;
}

/** The input: an emptied optional field is null (the server clears it); the email is never cleared. */
function inputOf(values: Values): MemberProfileInput {
  const input: Record<string, string | null> = { displayName: values.displayName.trim() };
  for (const key of OPTIONAL) input[key] = values[key]?.trim() ? values[key].trim() : null;
  if (input.email === null) delete input.email;
  return input as MemberProfileInput;
}

/** "Edit profile" and its dialog; userErrors land on their fields. */
export function ProfileEditModal({ member }: { member: EditableMember }) {
  const t = useTranslations('memberDesk');
  const mounted = useMounted();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { run, busy, errors, clearErrors } = useMemberAction();

  const show = () => {
    clearErrors();
    form.setFieldsValue(valuesOf(member));
    setOpen(true);
  };
  const submit = async (values: Values) => {
    if (await run(() => updateProfile(member.id, inputOf(values)), form)) setOpen(false);
  };

  return (
    <>
      <Button onClick={show} data-testid="member-edit-profile">{t('profile.edit')}</Button>
      {mounted && (
        <Modal
          open={open}
          title={t('profile.edit')}
          okText={t('save')}
          cancelText={t('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'member-profile-form', loading: busy, 'data-testid': 'profile-save' } as ButtonProps}
          onCancel={() => setOpen(false)}
          forceRender
        >
          <FormErrors messages={errors} />
          <Form form={form} id="member-profile-form" layout="vertical" onFinish={submit}>
            <ProfileFields />
          </Form>
        </Modal>
      )}
    </>
  );
}
