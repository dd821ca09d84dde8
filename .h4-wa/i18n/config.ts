/** Locales of the console; the first is the fallback. */
export const locales = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

/** Cookie that holds the chosen locale (the URL carries no locale). */
export const localeCookie = 'locale';

/** Each locale's name in its own language, for the switcher. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  th: 'ไทย',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ar: 'العربية',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Maps one language tag (`zh-Hant-HK`, `th-TH`) to a console locale, if any fits. */
function matchTag(tag: string): Locale | undefined {
  const [language, ...rest] = tag.toLowerCase().split('-');
  if (language === 'zh') {
    const traditional = rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part));
    return traditional ? 'zh-TW' : 'zh-CN';
  }
  return locales.find((locale) => locale === language);
}

/** Picks the best console locale from an Accept-Language header, by quality. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((entry) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag: tag.trim(), quality: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranked) {
    const locale = matchTag(tag);
    if (locale) return locale;
  }
  return undefined;
}
