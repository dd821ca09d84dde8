import { expect, test } from 'vitest';
import { maskEmail, maskPhone } from '../src/pii/mask.js';

test.each([
  ['somchai@example.test', 'so***@example.test'],
  ['ab@example.test', 'a***@example.test'],
  ['a@example.test', '***@example.test'],
  ['สมชาย@example.test', 'สม***@example.test'],
  // Graphemes, not code units: the vowel and tone marks stay on their consonants.
  ['นี่คือ@example.th', 'นี่คื***@example.th'],
  ['王小明@例子.中国', '王小***@例子.中国'],
  ['فاطمة@example.test', 'فا***@example.test'],
  ['no-at-sign', '***'],
])('maskEmail(%s) is %s', (email, masked) => {
  expect(maskEmail(email)).toBe(masked);
});

test.each([
  ['+66812345612', '+66 8** *** *12'],
  ['+66 81 234 5612', '+66 8** *** *12'],
  ['081 234 5612', '0** *** **12'],
  ['+86 138 0013 8000', '+86 1** *** *** 00'],
  ['+1 212 555 0123', '+1 2** *** **23'],
  ['+852 9123 4567', '+852 9** *** 67'],
  ['+971 50 123 4567', '+971 5** *** *67'],
  // Arabic-Indic digits keep their script; the calling code is read from their values.
  ['+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧', '+٩٦٦ ٥** *** *٦٧'],
  ['1234', '****'],
])('maskPhone(%s) is %s', (phone, masked) => {
  expect(maskPhone(phone)).toBe(masked);
});

test('a masked phone shows at most three digits of the national number', () => {
  const masked = maskPhone('+66 81 234 5612');
  expect(masked.slice(4).replace(/\D/g, '')).toHaveLength(3);
});
