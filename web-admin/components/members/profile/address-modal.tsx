'use client';

import { useEffect } from 'react';
import { Checkbox, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';

import { saveAddress } from './actions';
import type { CustomerAddressInput, EditableAddress } from './profile.graphql';
import { useMemberAction } from './use-member-action';

const OPTIONAL = ['phone', 'line2', 'region', 'postalCode'] as const;

/** Adds an address (`address` 'new') or edits one of the book; null when closed. */
export function AddressModal({ memberId, address, onClose }: { memberId: string; address: EditableAddress | 'new' | null; onClose: () => void }) {
  const t = useTranslations('memberDesk.address');
  const tc = useTranslations('memberDesk');
  const [form] = Form.useForm<CustomerAddressInput>();
  const { run, busy, errors, clearErrors } = useMemberAction();

  useEffect(() => {
    if (!address) return;
    clearErrors();
    form.resetFields();
    if (address !== 'new') form.setFieldsValue({ ...address, name: address.name ?? '', line1: address.line1 ?? '', city: address.city ?? '' });
  }, [address, form, clearErrors]);

  const submit = async (values: CustomerAddressInput) => {
    const input = { ...values, country: values.country.trim().toUpperCase(), isDefault: values.isDefault ?? false };
    for (const key of OPTIONAL) input[key] = values[key]?.trim() || null;
    const id = address && address !== 'new' ? address.id : null;
    // The server's paths name the input's `address`; the form holds its fields at the top.
    const toForm = (path: (string | number)[]) => (path[0] === 'address' ? path.slice(1) : path);
    if (await run(() => saveAddress(memberId, id, input), form, toForm)) onClose();
  };

  const text = (name: keyof CustomerAddressInput, required = false) => (
    <Form.Item name={name} label={t(name as 'name')} rules={required ? [{ required: true, whitespace: true, message: t('required') }] : []}>
      <Input data-testid={`address-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={address !== null}
      title={address === 'new' ? t('add') : t('edit')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'member-address-form', loading: busy, 'data-testid': 'address-save' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="member-address-form" layout="vertical" onFinish={submit}>
        {text('name', true)}
        {text('phone')}
        {text('line1', true)}
        {text('line2')}
        {text('city', true)}
        {text('region')}
        {text('postalCode')}
        {text('country', true)}
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox>{t('isDefault')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
