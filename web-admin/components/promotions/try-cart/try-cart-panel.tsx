'use client';

import { useMemo, useState } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Spin, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { TrialCart } from '@/app/(console)/promotions/actions';
import type { CurrencyCode } from '@/app/(console)/promotions/promotions.graphql';
import type { CartVariantOption } from '@/app/(console)/promotions/search-actions';
import type { ShippingMethodCode } from '@/app/(console)/promotions/try-cart.graphql';
import { enumValues } from '@/lib/enum-values';
import { instantOfWallTime } from '@/lib/zoned-time';

import { MoneyText } from '../money-text';
import { orderChannels, type OrderChannel, type PromotionStatus } from '../promotion-enums';
import { CartMemberPicker } from './cart-member-picker';
import { CartVariantSearch } from './cart-variant-search';
import { ExplanationView } from './explanation-view';
import { usePriceExplain } from './use-price-explain';
import { VariantName } from './variant-name';

const shippingMethods = enumValues<ShippingMethodCode>()(['STANDARD', 'EXPRESS', 'PICKUP']);

interface CartLine extends CartVariantOption {
  quantity: number;
}

/**
 * "Try a cart": variants and quantities, a member, a channel, optionally a shipping method and a
 * moment (to see a scheduled promotion start or end), priced by the engine through
 * `priceExplain` after every change (and after every save of the promotion: `revision`). The
 * engine prices with saved, published promotions only: a draft is left out, and `unsaved` warns
 * that edits are not in the answer until they are saved.
 */
export function TryCartPanel({
  promotionId,
  status,
  currencyCode,
  timeZone,
  revision,
  unsaved,
}: {
  promotionId: string | null;
  status: PromotionStatus | null;
  currencyCode: CurrencyCode;
  /** The shop's time zone: "price at" is a wall time on its clock. */
  timeZone: string;
  revision: number;
  unsaved: boolean;
}) {
  const t = useTranslations('promotions.tryCart');
  const tc = useTranslations('promotions.channels');
  const [lines, setLines] = useState<CartLine[]>([]);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [channel, setChannel] = useState<OrderChannel>('ONLINE_STORE');
  const [shippingMethod, setShippingMethod] = useState<ShippingMethodCode | null>(null);
  const [at, setAt] = useState('');

  const cart = useMemo(
    (): TrialCart => ({
      currencyCode,
      channel,
      memberId,
      shippingMethod,
      at: at ? instantOfWallTime(at, timeZone) : null,
      lines: lines.map((line) => ({ variantId: line.id, quantity: line.quantity })),
    }),
    [currencyCode, channel, memberId, shippingMethod, at, timeZone, lines],
  );
  const { result, pending } = usePriceExplain(cart, revision);

  const add = (variant: CartVariantOption) =>
    setLines((all) =>
      all.some((line) => line.id === variant.id)
        ? all.map((line) => (line.id === variant.id ? { ...line, quantity: line.quantity + 1 } : line))
        : [...all, { ...variant, quantity: 1 }],
    );
  const setQuantity = (id: string, quantity: number) =>
    setLines((all) => all.map((line) => (line.id === id ? { ...line, quantity } : line)));
  const remove = (id: string) => setLines((all) => all.filter((line) => line.id !== id));

  return (
    <Card title={t('title')} size="small" data-testid="try-cart" style={{ flex: '1 1 380px', maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{promotionId ? t('intro') : t('introUnsaved')}</Typography.Paragraph>
      {status === 'DRAFT' && <Alert type="info" showIcon title={t('draft')} style={{ marginBottom: 12 }} data-testid="try-cart-draft" />}
      {unsaved && promotionId && <Alert type="warning" showIcon title={t('unsaved')} style={{ marginBottom: 12 }} data-testid="try-cart-unsaved" />}
      <Form layout="vertical" component="div">
        <Form.Item label={t('products')}>
          <CartVariantSearch onPick={add} />
        </Form.Item>
        {lines.map((line) => (
          <Flex key={line.id} gap={8} align="center" style={{ marginBottom: 8 }} data-testid="try-cart-line" data-sku={line.sku}>
            <span style={{ flex: 1, minWidth: 0 }}>
              <VariantName variant={line} />
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                <bdi>{line.sku}</bdi> · <MoneyText money={line.price} />
              </Typography.Text>
            </span>
            <InputNumber
              min={1}
              max={999}
              precision={0}
              value={line.quantity}
              onChange={(quantity) => quantity && setQuantity(line.id, quantity)}
              aria-label={t('quantity')}
              data-testid="try-cart-quantity"
              style={{ width: 80 }}
            />
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => remove(line.id)} />
          </Flex>
        ))}
        <Flex gap={8}>
          <Form.Item label={t('member')} style={{ flex: 1 }}>
            <CartMemberPicker value={memberId} onChange={setMemberId} />
          </Form.Item>
          <Form.Item label={t('channel')} style={{ flex: 1 }}>
            <Select<OrderChannel>
              value={channel}
              onChange={setChannel}
              data-testid="try-cart-channel"
              options={orderChannels.map((value) => ({ value, label: tc(value) }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item label={t('shipping')} style={{ flex: 1 }}>
            <Select<ShippingMethodCode | ''>
              value={shippingMethod ?? ''}
              onChange={(value) => setShippingMethod(value || null)}
              data-testid="try-cart-shipping"
              options={[
                { value: '', label: t('noShipping') },
                ...shippingMethods.map((value) => ({ value, label: t(`shippingMethods.${value}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('at')} extra={t('atHelp', { timeZone })} style={{ flex: 1 }}>
            <Input type="datetime-local" dir="ltr" value={at} onChange={(event) => setAt(event.target.value)} data-testid="try-cart-at" />
          </Form.Item>
        </Flex>
      </Form>
      <Spin spinning={pending}>
        {!lines.length ? (
          <Typography.Text type="secondary" data-testid="try-cart-empty">
            {t('emptyCart')}
          </Typography.Text>
        ) : result?.ok ? (
          <ExplanationView explanation={result.explanation} ruleId={promotionId ? `promotion:${promotionId}` : null} />
        ) : result ? (
          <Alert type="error" showIcon title={t(`failure.${result.reason}`)} data-testid="try-cart-error" />
        ) : null}
      </Spin>
    </Card>
  );
}
