// Pricing reasons in the caller's language: the engine gives a code and parameters, this renders the sentence.
import { formatMinor, type Locale } from '@shop/kit';
import { shopTimeZone } from '@shop/kit/shop-time';
import type { PricingReason } from './types.js';


type Params = Record<string, string>;
type Render = (p: Params, fmt: Formatters) => string;

interface Formatters {
  money: (minor: string | undefined) => string;
  date: (iso: string | undefined) => string;
}

// Arabic sentences keep numbers and amounts inside Unicode isolates (FSI … PDI), so a Latin currency code or
// a minus sign does not reorder the right-to-left sentence around it.
const isolate = (text: string) => `\u2068${text}\u2069`;

const MESSAGES: Record<Locale, Record<PricingReason['code'], Render>> = {
  en: {
    MIN_SPEND_NOT_MET: (p, f) =>
      p.offMinor ? `Spend ${f.money(p.missingMinor)} more to get ${f.money(p.offMinor)} off.` : `Spend ${f.money(p.missingMinor)} more to qualify (minimum ${f.money(p.thresholdMinor)}).`,
    NOT_COMBINABLE: (p) => `Cannot be combined with “${p.withTitle ?? p.withRuleId}”.`,
    NOT_STARTED: (p, f) => `Starts ${f.date(p.startsAt)}.`,
    ENDED: (p, f) => `Ended ${f.date(p.endsAt)}.`,
    CHANNEL_NOT_ELIGIBLE: () => 'Not available on this sales channel.',
    TIER_NOT_ELIGIBLE: (p) => `For ${p.tiers ?? ''} members only.`,
    SEGMENT_NOT_ELIGIBLE: () => 'Not available for this customer.',
    SIGN_IN_REQUIRED: () => 'Sign in to use this offer.',
    NOTHING_IN_SCOPE: () => 'No item in the cart qualifies.',
    NO_BENEFIT: () => 'Would not lower the price of this cart.',
    LIMIT_REACHED: (p) => (p.limit ? `Usage limit of ${p.limit} reached.` : 'Usage limit reached.'),
    SOLD_OUT: () => 'Sold out.',
    NOT_FOUND: () => 'This code does not exist.',
    CURRENCY_MISMATCH: () => 'Not valid in this currency.',
  },
  th: {
    MIN_SPEND_NOT_MET: (p, f) =>
      p.offMinor ? `ซื้อเพิ่มอีก ${f.money(p.missingMinor)} รับส่วนลด ${f.money(p.offMinor)}` : `ซื้อเพิ่มอีก ${f.money(p.missingMinor)} เพื่อรับสิทธิ์ (ขั้นต่ำ ${f.money(p.thresholdMinor)})`,
    NOT_COMBINABLE: (p) => `ใช้ร่วมกับ “${p.withTitle ?? p.withRuleId}” ไม่ได้`,
    NOT_STARTED: (p, f) => `เริ่ม ${f.date(p.startsAt)}`,
    ENDED: (p, f) => `สิ้นสุดแล้วเมื่อ ${f.date(p.endsAt)}`,
    CHANNEL_NOT_ELIGIBLE: () => 'ไม่สามารถใช้ได้ในช่องทางการขายนี้',
    TIER_NOT_ELIGIBLE: (p) => `สำหรับสมาชิกระดับ ${p.tiers ?? ''} เท่านั้น`,
    SEGMENT_NOT_ELIGIBLE: () => 'ไม่สามารถใช้ได้สำหรับลูกค้ารายนี้',
    SIGN_IN_REQUIRED: () => 'กรุณาเข้าสู่ระบบเพื่อใช้ข้อเสนอนี้',
    NOTHING_IN_SCOPE: () => 'ไม่มีสินค้าในตะกร้าที่ร่วมรายการ',
    NO_BENEFIT: () => 'ไม่ได้ทำให้ราคาตะกร้านี้ลดลง',
    LIMIT_REACHED: (p) => (p.limit ? `ใช้ครบ ${p.limit} ครั้งแล้ว` : 'ใช้ครบจำนวนสิทธิ์แล้ว'),
    SOLD_OUT: () => 'หมดแล้ว',
    NOT_FOUND: () => 'ไม่พบรหัสนี้',
    CURRENCY_MISMATCH: () => 'ใช้กับสกุลเงินนี้ไม่ได้',
  },
  'zh-CN': {
    MIN_SPEND_NOT_MET: (p, f) =>
      p.offMinor ? `再买 ${f.money(p.missingMinor)} 即可减 ${f.money(p.offMinor)}` : `再买 ${f.money(p.missingMinor)} 即可享受（最低消费 ${f.money(p.thresholdMinor)}）`,
    NOT_COMBINABLE: (p) => `不能与“${p.withTitle ?? p.withRuleId}”同时使用`,
    NOT_STARTED: (p, f) => `${f.date(p.startsAt)} 开始`,
    ENDED: (p, f) => `已于 ${f.date(p.endsAt)} 结束`,
    CHANNEL_NOT_ELIGIBLE: () => '此销售渠道不可用',
    TIER_NOT_ELIGIBLE: (p) => `仅限 ${p.tiers ?? ''} 会员`,
    SEGMENT_NOT_ELIGIBLE: () => '此顾客不可用',
    SIGN_IN_REQUIRED: () => '登录后可使用此优惠',
    NOTHING_IN_SCOPE: () => '购物车中没有适用的商品',
    NO_BENEFIT: () => '不会降低此购物车的价格',
    LIMIT_REACHED: (p) => (p.limit ? `已达到 ${p.limit} 次使用上限` : '已达到使用上限'),
    SOLD_OUT: () => '已售罄',
    NOT_FOUND: () => '此优惠码不存在',
    CURRENCY_MISMATCH: () => '此币种不可用',
  },
  'zh-TW': {
    MIN_SPEND_NOT_MET: (p, f) =>
      p.offMinor ? `再買 ${f.money(p.missingMinor)} 即可折 ${f.money(p.offMinor)}` : `再買 ${f.money(p.missingMinor)} 即可享有（最低消費 ${f.money(p.thresholdMinor)}）`,
    NOT_COMBINABLE: (p) => `不能與「${p.withTitle ?? p.withRuleId}」同時使用`,
    NOT_STARTED: (p, f) => `${f.date(p.startsAt)} 開始`,
    ENDED: (p, f) => `已於 ${f.date(p.endsAt)} 結束`,
    CHANNEL_NOT_ELIGIBLE: () => '此銷售通路不適用',
    TIER_NOT_ELIGIBLE: (p) => `僅限 ${p.tiers ?? ''} 會員`,
    SEGMENT_NOT_ELIGIBLE: () => '此顧客不適用',
    SIGN_IN_REQUIRED: () => '登入後即可使用此優惠',
    NOTHING_IN_SCOPE: () => '購物車中沒有適用的商品',
    NO_BENEFIT: () => '不會降低此購物車的價格',
    LIMIT_REACHED: (p) => (p.limit ? `已達 ${p.limit} 次使用上限` : '已達使用上限'),
    SOLD_OUT: () => '已售完',
    NOT_FOUND: () => '此優惠碼不存在',
    CURRENCY_MISMATCH: () => '此幣別不適用',
  },
  ar: {
    MIN_SPEND_NOT_MET: (p, f) =>
      p.offMinor
        ? `أنفق ${isolate(f.money(p.missingMinor))} إضافية لتحصل على خصم ${isolate(f.money(p.offMinor))}.`
        : `أنفق ${isolate(f.money(p.missingMinor))} إضافية لتستفيد (الحد الأدنى ${isolate(f.money(p.thresholdMinor))}).`,
    NOT_COMBINABLE: (p) => `لا يمكن الجمع مع «${isolate(p.withTitle ?? p.withRuleId ?? '')}».`,
    NOT_STARTED: (p, f) => `يبدأ في ${isolate(f.date(p.startsAt))}.`,
    ENDED: (p, f) => `انتهى في ${isolate(f.date(p.endsAt))}.`,
    CHANNEL_NOT_ELIGIBLE: () => 'غير متاح في قناة البيع هذه.',
    TIER_NOT_ELIGIBLE: (p) => `لأعضاء ${isolate(p.tiers ?? '')} فقط.`,
    SEGMENT_NOT_ELIGIBLE: () => 'غير متاح لهذا العميل.',
    SIGN_IN_REQUIRED: () => 'سجّل الدخول لاستخدام هذا العرض.',
    NOTHING_IN_SCOPE: () => 'لا يوجد منتج مؤهل في السلة.',
    NO_BENEFIT: () => 'لن يخفّض سعر هذه السلة.',
    LIMIT_REACHED: (p) => (p.limit ? `تم بلوغ حد الاستخدام (${isolate(p.limit)}).` : 'تم بلوغ حد الاستخدام.'),
    SOLD_OUT: () => 'نفدت الكمية.',
    NOT_FOUND: () => 'هذا الرمز غير موجود.',
    CURRENCY_MISMATCH: () => 'غير صالح بهذه العملة.',
  },
};

/** Renders `reason` in `locale`, amounts in `currencyCode` (or the reason's own `currencyCode` parameter). */
export function renderReason(reason: PricingReason, locale: Locale, currencyCode: string): string {
  const currency = reason.params.currencyCode ?? currencyCode;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: shopTimeZone() });
  const fmt: Formatters = {
    // formatMinor gives the exact decimal string; Intl formats strings without going through a float.
    money: (minor) => money.format(formatMinor(minor ?? '0', currency) as unknown as number),
    date: (iso) => (iso ? dates.format(new Date(iso)) : ''),
  };
  return MESSAGES[locale][reason.code](reason.params, fmt);
}

/** A rule's title in `locale`, falling back to English, then to any title it has. */
export function titleIn(titles: Readonly<Record<string, string>> | undefined, locale: Locale, fallback: string): string {
  return titles?.[locale] ?? titles?.en ?? (titles ? Object.values(titles)[0] : undefined) ?? fallback;
}
