// Storefront languages of content, and which one answers a request.

/** The storefront languages; English is the fallback every text must have. */
export const CONTENT_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const FALLBACK_LOCALE: ContentLocale = 'en';

export function isContentLocale(value: string): value is ContentLocale {
  return (CONTENT_LOCALES as readonly string[]).includes(value);
}

/** The supported locale nearest to one language tag (th-TH → th, zh-Hant-HK → zh-TW, zh → zh-CN), or null. */
function nearest(tag: string): ContentLocale | null {
  const lower = tag.trim().toLowerCase();
  const [language] = lower.split('-');
  // The script decides when named (zh-Hans-HK is simplified); else the region (TW, HK, MO write traditional).
  if (language === 'zh') return !/-hans(-|$)/.test(lower) && /-(hant|tw|hk|mo)(-|$)/.test(lower) ? 'zh-TW' : 'zh-CN';
  return CONTENT_LOCALES.find((locale) => locale === language) ?? null;
}

/** Accept-Language tags by descending quality; tags with q=0 are refused by the client, so left out. */
function acceptedTags(header: string): string[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((t) => t.tag && t.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order)
    .map((t) => t.tag);
}

/**
 * The locale a storefront read answers in: the argument when it names a
 * supported language, else the best Accept-Language match, else English.
 */
export function answerLocale(argument: string | null | undefined, acceptLanguage: string | null | undefined): ContentLocale {
  const candidates = argument?.trim() ? [argument] : acceptLanguage ? acceptedTags(acceptLanguage) : [];
  for (const tag of candidates) {
    const found = nearest(tag);
    if (found) return found;
  }
  return FALLBACK_LOCALE;
}
