import type { Money } from '@/lib/format';

/** A decimal string as an integer count of 10^-scale units, exactly (no float). */
function scaled(amount: string, scale: number): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  const units = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -units : units;
}

const scaleOf = (amount: string) => amount.split('.')[1]?.length ?? 0;

/** `a − b` in a's currency, exactly; both must share it (an order's amounts do). */
export function subtractMoney(a: Money, b: Money): Money {
  const scale = Math.max(scaleOf(a.amount), scaleOf(b.amount));
  const units = scaled(a.amount, scale) - scaled(b.amount, scale);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const amount = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return { amount: negative ? `-${amount}` : amount, currencyCode: a.currencyCode };
}

/** Whether an amount is above zero. */
export const isPositive = (money: Money) => /[1-9]/.test(money.amount) && !money.amount.startsWith('-');
