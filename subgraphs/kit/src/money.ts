/**
 * Money is integer minor units (bigint) plus an ISO 4217 code. The API carries
 * the amount as a decimal string. This module is the only place that converts.
 */
const EXPONENTS: Record<string, number> = {
  THB: 2, CNY: 2, SAR: 2, AED: 2, USD: 2, EUR: 2, HKD: 2, TWD: 2, SGD: 2, MYR: 2,
  JPY: 0, KRW: 0, VND: 0, IDR: 2,
  KWD: 3, BHD: 3, OMR: 3, JOD: 3,
};

export const DEFAULT_CURRENCY = 'THB';

export function currencyExponent(currencyCode: string): number {
  const exponent = EXPONENTS[currencyCode];
  if (exponent === undefined) throw new RangeError(`Unsupported currency ${currencyCode}`);
  return exponent;
}

export interface MoneyValue {
  amount: string;
  currencyCode: string;
}

/** Minor units to the API's decimal string: 12345n THB -> "123.45". */
export function formatMinor(amountMinor: bigint | number | string, currencyCode: string): string {
  const exponent = currencyExponent(currencyCode);
  const value = BigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function money(amountMinor: bigint | number | string, currencyCode: string): MoneyValue {
  return { amount: formatMinor(amountMinor, currencyCode), currencyCode };
}

/**
 * Whole digits an amount may have. Minor units are bigint (at most 9.2e18): 12
 * whole digits leave room for a line total of a million units. The Decimal
 * scalar refuses more at the edge; CSV imports meet this check here.
 */
export const MAX_WHOLE_DIGITS = 12;

/** The API's decimal string to minor units; null when it is not a valid amount (or too large). */
export function parseDecimal(amount: string, currencyCode: string): bigint | null {
  const exponent = currencyExponent(currencyCode);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) return null;
  if (whole!.replace(/^0+(?=\d)/, '').length > MAX_WHOLE_DIGITS) return null;
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  return sign ? -minor : minor;
}
