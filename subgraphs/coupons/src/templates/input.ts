// Checks a coupon template's input field by field (zod) and turns it into column values, collecting every mistake.
import { z } from 'zod';
import { isId, ok, parseDecimal } from '@shop/kit';
import { couponError, type CouponError, type CouponResult } from '../errors/index.js';
import type { CouponRow, CouponScopeKind, CouponTitles } from '../tables.js';

export const LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export const CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;
export const TIERS = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'] as const;
export const CODE_LENGTH = { min: 4, max: 32 };
const MAX_TITLE = 120;
const MAX_QUANTITY = 10_000_000;
const MAX_SCOPE_IDS = 500;
const MAX_SEGMENTS = 20;

/** The API's locale names (GraphQL enum values) and the stored ones. */
const LOCALE_OF: Record<string, string> = { en: 'en', th: 'th', zh_CN: 'zh-CN', zh_TW: 'zh-TW', ar: 'ar' };

export interface CouponTemplateInput {
  code?: string | null;
  title?: string | null;
  titles?: readonly { locale: string; text: string }[] | null;
  kind?: CouponRow['kind'] | null;
  percentOff?: number | null;
  amountOff?: string | null;
  maxDiscount?: string | null;
  currencyCode?: string | null;
  minimumSpend?: string | null;
  scope?: CouponScopeKind | null;
  scopeIds?: readonly string[] | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  totalQuantity?: number | null;
  perMemberLimit?: number | null;
  channels?: readonly string[] | null;
  tiers?: readonly string[] | null;
  segmentIds?: readonly string[] | null;
  combinable?: boolean | null;
  claimable?: boolean | null;
}

export type CouponValues = Omit<CouponRow, 'id' | 'issuedCount' | 'redeemedCount' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[A-Z0-9][A-Z0-9-]{${CODE_LENGTH.min - 1},${CODE_LENGTH.max - 1}}$`));
const titleSchema = z.string().trim().min(1).refine((t) => [...t].length <= MAX_TITLE);
const wholeSchema = (max: number) => z.number().int().min(1).max(max);
const listSchema = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max).refine((values) => new Set(values as unknown[]).size === values.length);

/** A shared code as stored: trimmed, upper case; null when it is not a valid code. */
export function normaliseCode(code: string): string | null {
  const parsed = codeSchema.safeParse(code);
  return parsed.success ? parsed.data : null;
}

const field = (...path: string[]) => ['input', ...path];

/**
 * The merged template (the row being changed, or nothing for a new one, with
 * the input's fields over it) checked as a whole: each mistake names its input
 * field, so a form shows them all at once.
 */
export function couponValues(input: CouponTemplateInput, current: CouponValues | null): CouponResult<CouponValues> {
  const errors: CouponError[] = [];
  const has = <K extends keyof CouponTemplateInput>(key: K) => input[key] !== undefined && input[key] !== null;
  const kind = input.kind ?? current?.kind ?? 'PERCENTAGE';
  const currencyCode = input.currencyCode ?? current?.currencyCode.trim() ?? 'THB';
  const amount = (key: 'amountOff' | 'maxDiscount' | 'minimumSpend', allowZero = false): bigint | null => {
    const minor = parseDecimal(input[key]!, currencyCode);
    if (minor === null || minor < 0n || (!allowZero && minor === 0n)) {
      errors.push(couponError('INVALID_AMOUNT', field(key)));
      return null;
    }
    return minor;
  };

  let code = current?.code ?? null;
  if (input.code !== undefined) {
    code = input.code === null || input.code.trim() === '' ? null : normaliseCode(input.code);
    if (input.code && !code) errors.push(couponError('INVALID_CODE', field('code'), CODE_LENGTH));
  }
  let title = current?.title ?? '';
  if (input.title !== undefined || !current) {
    const parsed = titleSchema.safeParse(input.title ?? '');
    if (parsed.success) title = parsed.data;
    else errors.push(couponError('INVALID_TITLE', field('title'), { max: MAX_TITLE }));
  }
  let titles: CouponTitles = current?.titles ?? {};
  if (has('titles')) {
    titles = {};
    input.titles!.forEach((entry, i) => {
      const parsed = z.string().trim().refine((t) => [...t].length <= MAX_TITLE).safeParse(entry.text);
      const locale = LOCALE_OF[entry.locale] ?? entry.locale;
      if (!parsed.success || !LOCALES.includes(locale as never)) errors.push(couponError('INVALID_TITLE', field('titles', String(i), 'text'), { max: MAX_TITLE }));
      else if (locale === 'en' && parsed.data) title = parsed.data;
      else if (parsed.data) titles[locale] = parsed.data;
    });
  }

  let value = current?.value ?? 0n;
  let maxDiscountMinor = current?.maxDiscountMinor ?? null;
  const kindChanged = input.kind != null && input.kind !== current?.kind;
  if (kind === 'PERCENTAGE') {
    if (has('amountOff')) errors.push(couponError('VALUE_NOT_FOR_KIND', field('amountOff'), { kind }));
    if (has('percentOff')) {
      const parsed = wholeSchema(100).safeParse(input.percentOff);
      if (parsed.success) value = BigInt(parsed.data);
      else errors.push(couponError('INVALID_PERCENT', field('percentOff')));
    } else if (kindChanged || !current) errors.push(couponError('INVALID_PERCENT', field('percentOff')));
  } else if (kind === 'FIXED_AMOUNT') {
    if (has('percentOff')) errors.push(couponError('VALUE_NOT_FOR_KIND', field('percentOff'), { kind }));
    if (has('maxDiscount')) errors.push(couponError('VALUE_NOT_FOR_KIND', field('maxDiscount'), { kind }));
    maxDiscountMinor = null;
    if (has('amountOff')) value = amount('amountOff') ?? value;
    else if (kindChanged || !current) errors.push(couponError('INVALID_AMOUNT', field('amountOff')));
  } else {
    if (has('percentOff')) errors.push(couponError('VALUE_NOT_FOR_KIND', field('percentOff'), { kind }));
    if (has('amountOff')) errors.push(couponError('VALUE_NOT_FOR_KIND', field('amountOff'), { kind }));
    value = 0n;
  }
  if (kind !== 'FIXED_AMOUNT' && input.maxDiscount !== undefined) {
    maxDiscountMinor = input.maxDiscount === null ? null : amount('maxDiscount');
  }
  const minimumSpendMinor = has('minimumSpend') ? (amount('minimumSpend', true) ?? 0n) : (current?.minimumSpendMinor ?? 0n);

  const scopeKind = input.scope ?? current?.scopeKind ?? 'ALL';
  let scopeIds = has('scopeIds') ? [...input.scopeIds!] : input.scope && input.scope !== current?.scopeKind ? [] : (current?.scopeIds ?? []);
  if (scopeKind === 'ALL') scopeIds = [];
  else if (!listSchema(z.string().refine(isId), MAX_SCOPE_IDS).safeParse(scopeIds).success || !scopeIds.length) {
    errors.push(couponError('INVALID_SCOPE', field('scopeIds'), { max: MAX_SCOPE_IDS, kind: scopeKind }));
  }

  const startsAt = input.startsAt ?? current?.startsAt;
  const endsAt = input.endsAt ?? current?.endsAt;
  if (!startsAt || !endsAt || endsAt <= startsAt) errors.push(couponError('INVALID_WINDOW', field(input.endsAt ? 'endsAt' : 'startsAt')));

  const count = (key: 'totalQuantity' | 'perMemberLimit', max: number): number | null => {
    if (input[key] === undefined) return current?.[key] ?? null;
    if (input[key] === null) return null;
    const parsed = wholeSchema(max).safeParse(input[key]);
    if (!parsed.success) errors.push(couponError('INVALID_QUANTITY', field(key), { max }));
    return parsed.success ? parsed.data : null;
  };
  const totalQuantity = count('totalQuantity', MAX_QUANTITY);
  const perMemberLimit = count('perMemberLimit', 1000);

  const list = <T extends string>(key: 'channels' | 'tiers' | 'segmentIds', item: z.ZodType<T>, max: number, fallback: string[]): string[] => {
    if (!has(key)) return fallback;
    const parsed = listSchema(item, max).safeParse(input[key]);
    if (!parsed.success) errors.push(couponError('INVALID_LIST', field(key), { max }));
    return parsed.success ? (parsed.data as string[]) : fallback;
  };
  const channels = list('channels', z.enum(CHANNELS), CHANNELS.length, current?.channels ?? []);
  const tiers = list('tiers', z.enum(TIERS), TIERS.length, current?.tiers ?? []);
  const segmentIds = list('segmentIds', z.string().refine(isId), MAX_SEGMENTS, current?.segmentIds ?? []).map((id) => id.toLowerCase());

  if (errors.length) return { ok: false, errors };
  return ok({
    code,
    title,
    titles,
    kind,
    value,
    maxDiscountMinor,
    currencyCode,
    minimumSpendMinor,
    scopeKind,
    scopeIds: scopeIds.map((id) => id.toLowerCase()),
    startsAt: startsAt!,
    endsAt: endsAt!,
    totalQuantity,
    perMemberLimit,
    channels,
    tiers,
    segmentIds,
    combinable: input.combinable ?? current?.combinable ?? true,
    claimable: input.claimable ?? current?.claimable ?? false,
  });
}

/** A locale as the tables hold it (CouponLocale's resolver map translates the API's zh_CN and zh_TW). */
export type CouponLocaleValue = (typeof LOCALES)[number];
