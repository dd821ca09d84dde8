'use client';

import { useLocale } from 'next-intl';

import type { Money } from '@/lib/format';

/**
 * An amount in the console's language (its digits, its currency symbol placement), isolated from
 * the text around it so a minus sign or a symbol never jumps to the other side in right-to-left lines.
 * `off` shows it as taken off (a minus sign where the locale puts one).
 */
export function MoneyText({ money, off = false, testId }: { money: Money; off?: boolean; testId?: string }) {
  const locale = useLocale();
  const value = Number(money.amount);
  const text = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode }).format(
    off && value !== 0 ? -value : value,
  );
  return (
    <bdi data-testid={testId} data-amount={money.amount}>
      {text}
    </bdi>
  );
}
