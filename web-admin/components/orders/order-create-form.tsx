'use client';

import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createOrder } from '@/app/(console)/orders/actions';
import type { OrderAddress } from '@/app/(console)/orders/order.graphql';
import { FormErrors } from '@/components/shell/form-errors';
import { VariantPicker } from '@/components/stock/variant-picker';

import { shippingMethods, type ShippingMethodCode } from './order-enums';
import { useOrderFeedback } from './order-feedback';
import { MemberPicker } from './member-picker';

/** A phone sale waits for payment on the online store's channel; a till sale is paid at once. */
type SaleKind = 'PHONE' | 'POS';
const tillMethods = ['CASH', 'CARD_TERMINAL'] as const;

interface CreateValues {
  kind: SaleKind;
  memberId: string | null;
  lines: { variantId: string; quantity: number; unitPrice?: string }[];
  address: Partial<Record<keyof OrderAddress, string>>;
  shippingMethod: ShippingMethodCode;
  paymentMethod: (typeof tillMethods)[number];
  note?: string;
}

const addressFields = ['name', 'phone', 'email', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** The address as sent: trimmed, blanks as null, no address at all when every field is blank. */
function addressOf(values: CreateValues['address']): OrderAddress | null {
  const text = (name: keyof OrderAddress) => values?.[name]?.trim() || null;
  const address: OrderAddress = {
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    line1: text('line1'),
    line2: text('line2'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postalCode'),
    country: text('country'),
  };
  return Object.values(address).some(Boolean) ? address : null;
}

/** Takes an order by phone or at the till (orderCreate) and opens it. */
export function OrderCreateForm({ canPickMember }: { canPickMember: boolean }) {
  const t = useTranslations('orders.create');
  const ts = useTranslations('orders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { report } = useOrderFeedback();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch('kind', form) ?? 'PHONE';
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    setErrors([]);
    const pos = values.kind === 'POS';
    const result = await createOrder({
      channel: pos ? 'POINT_OF_SALE' : 'ONLINE_STORE',
      memberId: values.memberId ?? null,
      lines: values.lines.map((line) => ({
        variantId: line.variantId,
        quantity: line.quantity,
        unitPrice: line.unitPrice?.trim() || null,
      })),
      address: addressOf(values.address),
      shippingMethod: values.shippingMethod,
      paymentMethod: pos ? values.paymentMethod : null,
      note: values.note?.trim() || null,
    }).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    router.push(result.value ? `/orders/${encodeURIComponent(result.value)}` : '/orders');
  };

  const onKind = (next: SaleKind) =>
    form.setFieldsValue({ shippingMethod: next === 'POS' ? 'PICKUP' : 'STANDARD' });

  return (
    <Form<CreateValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="order-create-form"
      initialValues={{
        kind: 'PHONE',
        memberId: null,
        lines: [{ quantity: 1 }],
        address: { country: 'TH' },
        shippingMethod: 'STANDARD',
        paymentMethod: 'CASH',
      }}
    >
      <FormErrors messages={errors} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card title={t('sale')}>
              <Form.Item name="kind" label={t('kind')}>
                <Radio.Group
                  optionType="button"
                  onChange={(event) => onKind(event.target.value as SaleKind)}
                  data-testid="order-create-kind"
                  options={[
                    { value: 'PHONE', label: t('phoneSale') },
                    { value: 'POS', label: t('tillSale') },
                  ]}
                />
              </Form.Item>
              {canPickMember && (
                <Form.Item name="memberId" label={t('member')} extra={t('memberHelp')}>
                  <MemberPicker />
                </Form.Item>
              )}
              {kind === 'POS' && (
                <Form.Item name="paymentMethod" label={t('paymentMethod')}>
                  <Select
                    data-testid="order-create-payment-method"
                    options={tillMethods.map((m) => ({ value: m, label: ts(`paymentMethod.${m}`) }))}
                  />
                </Form.Item>
              )}
            </Card>
            <Card title={t('lines')}>
              <Form.List
                name="lines"
                rules={[
                  {
                    validator: async (_, lines?: unknown[]) => {
                      if (!lines?.length) throw new Error(t('atLeastOneLine'));
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors: listErrors }) => (
                  <>
                    {fields.map((field, index) => (
                      <Flex key={field.key} gap={8} align="flex-start" wrap data-testid="order-create-line">
                        <Form.Item
                          name={[field.name, 'variantId']}
                          label={index === 0 ? t('variant') : undefined}
                          rules={[{ required: true, message: tc('required') }]}
                          style={{ flex: 1, minWidth: 180 }}
                        >
                          <VariantPicker testId={`order-create-variant-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'quantity']}
                          label={index === 0 ? t('quantity') : undefined}
                          rules={[{ required: true, type: 'integer', min: 1, message: t('quantityInvalid') }]}
                        >
                          <InputNumber min={1} precision={0} style={{ width: 80 }} data-testid={`order-create-quantity-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'unitPrice']}
                          label={index === 0 ? t('unitPrice') : undefined}
                          rules={[{ pattern: /^\d+(\.\d{1,3})?$/, message: t('priceInvalid') }]}
                        >
                          <Input inputMode="decimal" dir="ltr" placeholder={t('catalogPrice')} style={{ width: 120 }} />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('removeLine')}
                          onClick={() => remove(field.name)}
                          style={{ marginTop: index === 0 ? 30 : 0 }}
                        />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} data-testid="order-create-add-line">
                      {t('addLine')}
                    </Button>
                    <Form.ErrorList errors={listErrors} />
                  </>
                )}
              </Form.List>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={t('contact')}>
              <Row gutter={12}>
                {addressFields.map((name) => (
                  <Col key={name} xs={24} sm={name === 'line1' || name === 'line2' ? 24 : 12}>
                    <Form.Item
                      name={['address', name]}
                      label={t(`address.${name}`)}
                      rules={name === 'email' ? [{ type: 'email', message: t('emailInvalid') }] : undefined}
                    >
                      <Input
                        dir={name === 'phone' || name === 'email' ? 'ltr' : undefined}
                        autoComplete="off"
                        data-testid={`order-create-${name}`}
                      />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Form.Item name="shippingMethod" label={ts('detail.shippingMethod')}>
                <Select
                  data-testid="order-create-shipping"
                  options={shippingMethods.map((m) => ({ value: m, label: ts(`shippingMethod.${m}`) }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('note')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="order-create-note" />
              </Form.Item>
            </Card>
            <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="order-create-submit">
              {t('submit')}
            </Button>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
