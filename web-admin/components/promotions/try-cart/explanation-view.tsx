'use client';

import { Descriptions, Empty, List, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { CartExplanation } from '@/app/(console)/promotions/actions';

import { MoneyText } from '../money-text';
import { PromotionTitle } from '../promotion-title';

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
        <List
          size="small"
          dataSource={explanation.applied}
          renderItem={(rule) => (
            <List.Item
              data-testid="explanation-applied"
              data-rule-id={rule.ruleId}
              extra={<MoneyText money={rule.amount} off testId="explanation-applied-amount" />}
            >
              <span>
                <PromotionTitle text={rule.title} /> {own(rule.ruleId)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(`sources.${rule.source}`)} · {t(`stages.${rule.stage}`)}
                </Typography.Text>
              </span>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noneApplied')} />
      )}
      {explanation.rejected.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rejected')}
          </Typography.Title>
          <List
            size="small"
            dataSource={explanation.rejected}
            renderItem={(rule) => (
              <List.Item data-testid="explanation-rejected" data-rule-id={rule.ruleId} data-reason={rule.reason.code}>
                <span>
                  <PromotionTitle text={rule.title} /> {own(rule.ruleId)}
                  <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="explanation-reason">
                    {rule.reason.message}
                  </Typography.Text>
                </span>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
