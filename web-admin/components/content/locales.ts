/** The storefront languages content is written in, English first (the fallback of every other). */
export const CONTENT_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/** Each language's own name, the same whatever the console's language. */
export const LOCALE_NAMES: Record<ContentLocale, string> = {
  en: 'English',
  th: 'ไทย',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ar: 'العربية',
};

/** Arabic is written right to left: its fields say so, whatever the console's direction. */
export const directionOf = (locale: string): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

export const ORDER_CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;

/** Where a userError's field points in the texts list sent (['input', 'texts', '2', 'title'] → its locale), or null. */
export function textLocaleOf(field: string[] | null, sent: readonly { locale: string }[]): string | null {
  if (field?.[1] !== 'texts' || field[2] === undefined) return null;
  return sent[Number(field[2])]?.locale ?? null;
}
