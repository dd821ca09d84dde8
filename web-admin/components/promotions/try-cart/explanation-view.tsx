'use client';

import type { CSSProperties } from 'react';
import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { CartExplanation } from '@/app/(console)/promotions/try-cart.graphql';

import { MoneyText } from '../money-text';
import { PromotionTitle } from '../promotion-title';

const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const itemStyle: CSSProperties = { padding: '8px 0', borderBottom: '1px solid var(--ant-color-split, #f0f0f0)' };

/**
 * The engine's answer for the cart: the totals, every rule that applied with what it took off,
 * and every candidate that did not with the reason the server worded in the console's language.
 * `ruleId` is the promotion being edited: its own entries are marked.
 */
export function ExplanationView({ explanation, ruleId }: { explanation: CartExplanation; ruleId: string | null }) {
  const t = useTranslations('promotions.tryCart');
  const own = (id: string) => (id === ruleId ? <Tag color="blue">{t('thisPromotion')}</Tag> : null);
  const totals = [
    { key: 'subtotal', money: explanation.subtotal, off: false },
    { key: 'discount', money: explanation.discount, off: true },
    { key: 'shipping', money: explanation.shipping, off: false },
    { key: 'shippingDiscount', money: explanation.shippingDiscount, off: true },
    { key: 'paid', money: explanation.paid, off: true },
  ] as const;
  return (
    <div data-testid="explanation">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          ...totals
            .filter(({ key, money }) => key === 'subtotal' || key === 'discount' || Number(money.amount) !== 0)
            .map(({ key, money, off }) => ({
              key,
              label: t(`totals.${key}`),
              children: <MoneyText money={money} off={off} testId={`explanation-${key}`} />,
            })),
          {
            key: 'total',
            label: <Typography.Text strong>{t('totals.total')}</Typography.Text>,
            children: (
              <Typography.Text strong>
                <MoneyText money={explanation.total} testId="explanation-total" />
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('applied')}
      </Typography.Title>
      {explanation.applied.length ? (
        <ul style={listStyle}>
          {explanation.applied.map((rule) => (
            <li key={rule.ruleId} style={itemStyle} data-testid="explanation-applied" data-rule-id={rule.ruleId}>
              <Flex justify="space-between" gap={8}>
                <span>
                  <PromotionTitle text={rule.title} /> {own(rule.ruleId)}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`sources.${rule.source}`)} · {t(`stages.${rule.stage}`)}
                  </Typography.Text>
                </span>
                <MoneyText money={rule.amount} off testId="explanation-applied-amount" />
              </Flex>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noneApplied')} />
      )}
      {explanation.rejected.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rejected')}
          </Typography.Title>
          <ul style={listStyle}>
            {explanation.rejected.map((rule) => (
              <li key={rule.ruleId} style={itemStyle} data-testid="explanation-rejected" data-rule-id={rule.ruleId} data-reason={rule.reason.code}>
                <PromotionTitle text={rule.title} /> {own(rule.ruleId)}
                <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="explanation-reason">
                  {rule.reason.message}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
