// Phone numbers: one normal form (E.164) for storing and searching, whatever way they were typed.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { digitValue } from './mask.js';

/** The shop sells in Thailand: a number without a calling code is read as Thai. */
export const DEFAULT_PHONE_REGION: CountryCode = 'TH';

/**
 * "081-234 5678", "+66 81 234 5678", "66812345678" → "+66812345678"; null when
 * the text is no valid number of its region (the caller reports INVALID_PHONE).
 */
export function normalisePhone(text: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const parsed = parsePhoneNumberFromString(asciiDigits(text.trim()), region);
  return parsed?.isValid() ? parsed.number : null;
}

/** Thai, Arabic-Indic and fullwidth digits as ASCII ones, which the parser reads. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => digitValue(digit) ?? digit);
}

const DIGITS_ONLY = /^[\s().+\-\p{Nd}]+$/u;

/**
 * The digits a phone search looks for inside stored E.164 numbers, or null
 * when the text is no phone number (then it is searched as a name or email).
 * A full number in any format becomes its E.164 digits; a fragment has its
 * spaces and dashes stripped and a leading trunk 0 dropped ("081-23" → "8123"),
 * so "+66 81", "081" and "81" find the same members.
 */
export function phoneSearchDigits(text: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  if (!DIGITS_ONLY.test(text)) return null;
  const full = normalisePhone(text, region);
  if (full) return full.slice(1);
  const digits = asciiDigits(text).replace(/\D/g, '');
  if (digits.length < 3) return null;
  return digits.startsWith('0') ? digits.slice(1) : digits;
}
