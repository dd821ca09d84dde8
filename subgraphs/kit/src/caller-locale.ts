/** The shop's five languages, as the console names them. */
export const SHOP_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export type ShopLocale = (typeof SHOP_LOCALES)[number];

/**
 * The shop language an Accept-Language header asks for first (by quality, then order):
 * th-TH → th, zh-Hant-HK → zh-TW, zh-SG → zh-CN; English when none fits.
 */
export function callerLocale(acceptLanguage: string | null | undefined): ShopLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { tag: (tag ?? '').trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(tag) ? 'zh-TW' : 'zh-CN';
    const primary = tag.split('-')[0];
    if (primary === 'en' || primary === 'th' || primary === 'ar') return primary;
  }
  return 'en';
}
