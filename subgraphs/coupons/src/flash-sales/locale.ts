// Which of the shop's locales a flash-sale title is answered in.
import { FLASH_SALE_LOCALES } from './service.js';

type Locale = (typeof FLASH_SALE_LOCALES)[number];

/** One language tag to a shop locale: th-TH → th, zh-Hant-HK → zh-TW, zh-SG → zh-CN; null when none fits. */
function shopLocaleOf(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (!lower) return null;
  if (lower.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  const language = lower.split('-')[0];
  return (FLASH_SALE_LOCALES as readonly string[]).includes(language!) ? (language as Locale) : null;
}

/** The locale argument when it names one, else the best of Accept-Language (by quality), else English. */
export function answerLocale(argument: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const fromArgument = argument ? shopLocaleOf(argument) : null;
  if (fromArgument) return fromArgument;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag ?? '', q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = shopLocaleOf(tag);
    if (locale) return locale;
  }
  return 'en';
}
