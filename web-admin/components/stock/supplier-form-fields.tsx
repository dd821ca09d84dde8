'use client';

import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { SupplierFields, SuppliersListNode } from '@/app/(console)/stock/suppliers/suppliers.graphql';
import type { CurrencyCode } from '@/gql/graphql';

/** CurrencyCode values of the API. */
export const currencyCodes = ['THB', 'USD', 'CNY', 'TWD', 'HKD', 'JPY', 'SAR', 'AED', 'KWD'] as const satisfies readonly CurrencyCode[];

export interface SupplierValues {
  name: string;
  contactName?: string;
  email?: string;
  phone?: string;
  leadTimeDays: number;
  currencyCode: CurrencyCode;
}

/** The form's values as the mutation's input: trimmed, empty texts as null. */
export const supplierFieldsOf = (values: SupplierValues): SupplierFields => ({
  name: values.name.trim(),
  contactName: values.contactName?.trim() || null,
  email: values.email?.trim() || null,
  phone: values.phone?.trim() || null,
  leadTimeDays: values.leadTimeDays,
  currencyCode: values.currencyCode,
});

/** A supplier as the form's values. */
export const supplierValuesOf = (row: SuppliersListNode): SupplierValues => ({
  name: row.name,
  contactName: row.contactName ?? '',
  email: row.email ?? '',
  phone: row.phone ?? '',
  leadTimeDays: row.leadTimeDays,
  currencyCode: row.currencyCode,
});

/** Name, contact, lead time and currency of a supplier. */
export function SupplierFormFields() {
  const t = useTranslations('stock.suppliers');
  const tc = useTranslations('common');
  return (
    <>
      <Form.Item name="name" label={t('columns.name')} rules={[{ required: true, whitespace: true, message: tc('required') }]}>
        <Input autoComplete="off" data-testid="supplier-name" />
      </Form.Item>
      <Form.Item name="contactName" label={t('contactName')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="email" label={t('email')} rules={[{ type: 'email', message: t('emailInvalid') }]} style={{ flex: 1, minWidth: 200 }}>
          <Input type="email" autoComplete="off" dir="ltr" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} style={{ flex: 1, minWidth: 160 }}>
          <Input type="tel" autoComplete="off" dir="ltr" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="leadTimeDays" label={t('columns.leadTimeDays')} rules={[{ required: true, type: 'integer', min: 0, message: t('leadTimeInvalid') }]}>
          <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid="supplier-lead-time" />
        </Form.Item>
        <Form.Item name="currencyCode" label={t('columns.currency')} rules={[{ required: true, message: tc('required') }]}>
          <Select style={{ width: 140 }} options={currencyCodes.map((code) => ({ value: code, label: code }))} />
        </Form.Item>
      </Flex>
    </>
  );
}
