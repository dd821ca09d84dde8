/**
 * Masked contact data for callers who may see that a member has an email or a
 * phone number but not what it is (members:read without members:read_pii).
 */

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * "somchai@example.test" -> "so***@example.test": the first two characters of
 * the local part (one if it has only two, none if it has one) and the domain.
 * Characters are graphemes, so a Thai vowel sign stays with its consonant.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '***';
  const local = Array.from(graphemes.segment(email.slice(0, at)), (s) => s.segment);
  const shown = local.slice(0, Math.min(2, Math.max(0, local.length - 1))).join('');
  return `${shown}***@${email.slice(at + 1)}`;
}

// ITU calling codes are prefix-free: these are 1 or 2 digits long, every other one 3.
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

/** Zeros of the digit sets phone numbers are written in here: ASCII, Arabic-Indic (two), Devanagari, Thai, fullwidth. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0xe50, 0xff10];

export function digitValue(digit: string): string | null {
  const code = digit.codePointAt(0)!;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? null : String(code - zero);
}

function callingCodeLength(digits: string[]): number {
  const values = digits.slice(0, 3).map(digitValue);
  if (values.includes(null)) return 0;
  const text = values.join('');
  if (ONE_DIGIT_CODES.has(text.slice(0, 1))) return 1;
  return TWO_DIGIT_CODES.has(text.slice(0, 2)) ? 2 : 3;
}

/** Groups of three from the left; a lone last digit joins the group before it. */
function group(chars: string[]): string {
  const groups: string[][] = [];
  for (let i = 0; i < chars.length; i += 3) groups.push(chars.slice(i, i + 3));
  if (groups.length > 1 && groups.at(-1)!.length === 1) groups.at(-2)!.push(...groups.pop()!);
  return groups.map((g) => g.join('')).join(' ');
}

/**
 * "+66812345612" -> "+66 8** *** *12": the calling code, the first digit of the
 * national number and its last two digits, in groups of three. Digits keep
 * their script (Arabic-Indic stay Arabic-Indic). Numbers under five national
 * digits show no digit at all.
 */
export function maskPhone(phone: string): string {
  const digits = Array.from(phone.matchAll(/\p{Nd}/gu), (m) => m[0]);
  const international = phone.trimStart().startsWith('+');
  const codeLength = international ? callingCodeLength(digits) : 0;
  const national = digits.slice(codeLength);
  const masked = national.map((digit, i) =>
    national.length >= 5 && (i === 0 || i >= national.length - 2) ? digit : '*',
  );
  const prefix = international ? `+${digits.slice(0, codeLength).join('')}` : '';
  return [prefix, group(masked)].filter(Boolean).join(' ');
}
