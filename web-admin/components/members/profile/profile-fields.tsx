'use client';

import { Form, Input, Select } from 'antd';
import { useTranslations } from 'next-intl';

import { acquisitionChannels, genders, memberLocales } from './member-enums';

/** The profile form's fields; names, contact data and birthday are PII (the form is shown only to who may read it). */
export function ProfileFields() {
  const t = useTranslations('memberDesk');
  const optional = (values: readonly string[], label: (value: string) => string) => [
    { value: '', label: t('notSet') },
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  return (
    <>
      <Form.Item name="displayName" label={t('profile.displayName')} rules={[{ required: true, whitespace: true, message: t('profile.displayNameRequired') }]}>
        <Input maxLength={100} data-testid="profile-display-name" />
      </Form.Item>
      <Form.Item name="givenName" label={t('profile.givenName')}>
        <Input maxLength={100} data-testid="profile-given-name" />
      </Form.Item>
      <Form.Item name="familyName" label={t('profile.familyName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="email" label={t('profile.email')}>
        <Input type="email" dir="ltr" data-testid="profile-email" />
      </Form.Item>
      <Form.Item name="phone" label={t('profile.phone')}>
        <Input type="tel" dir="ltr" data-testid="profile-phone" />
      </Form.Item>
      <Form.Item name="birthday" label={t('profile.birthday')}>
        <Input type="date" dir="ltr" data-testid="profile-birthday" />
      </Form.Item>
      <Form.Item name="gender" label={t('profile.gender')}>
        <Select options={optional(genders, (g) => t(`genders.${g as (typeof genders)[number]}`))} />
      </Form.Item>
      <Form.Item name="locale" label={t('profile.locale')}>
        <Select options={optional(memberLocales, (l) => t(`locales.${l as (typeof memberLocales)[number]}`))} />
      </Form.Item>
      <Form.Item name="acquisitionChannel" label={t('profile.channel')}>
        <Select options={optional(acquisitionChannels, (c) => t(`channels.${c as (typeof acquisitionChannels)[number]}`))} />
      </Form.Item>
      <Form.Item name="notes" label={t('profile.notes')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="profile-notes" />
      </Form.Item>
    </>
  );
}
