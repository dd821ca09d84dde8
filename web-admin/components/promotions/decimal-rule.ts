import type { FormRule } from 'antd';

/** An amount as typed: digits with at most three decimals (the widest currency exponent), nothing else. */
export const decimalPattern = /^\d{1,12}(\.\d{1,3})?$/;

/** The form rule for an amount field; empty passes (a `required` rule says that). */
export const decimalRule = (message: string): FormRule => ({ pattern: decimalPattern, message });
