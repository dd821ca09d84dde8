// Catalog locales: which are translated and which one answers a request.
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

/** English is the base language: the product's own fields. */
export const BASE_LOCALE = 'en';
/** Locales a product may be translated into. */
export const TRANSLATION_LOCALES = ['th', 'zh-CN', 'zh-TW', 'ar'] as const;
export const LOCALES = [BASE_LOCALE, ...TRANSLATION_LOCALES] as const;

export type Locale = (typeof LOCALES)[number];

export function isTranslationLocale(locale: string): locale is (typeof TRANSLATION_LOCALES)[number] {
  return (TRANSLATION_LOCALES as readonly string[]).includes(locale);
}

/**
 * The locale to answer in: the explicit argument if given, else the
 * Accept-Language header (quality values honoured), else English. Regional and
 * script variants map to the nearest supported locale (th-TH → th, zh-Hant-HK → zh-TW).
 */
export function answerLocale(argument: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const requested = argument?.trim()
    ? [argument.trim()]
    : acceptLanguage
      ? new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages()
      : [];
  const valid = requested.filter((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length > 0;
    } catch {
      return false;
    }
  });
  if (!valid.length) return BASE_LOCALE;
  return match(valid, [...LOCALES], BASE_LOCALE, { algorithm: 'best fit' }) as Locale;
}
