// Which title locale answers a request: the argument, else the first Accept-Language tag the shop has.
import { TITLE_LOCALES } from './campaigns.js';

/** zh-Hant / zh-HK / zh-MO read Traditional Chinese; other zh tags Simplified. */
function nearest(tag: string): string | null {
  const lower = tag.trim().toLowerCase();
  const exact = TITLE_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  const language = lower.split('-')[0];
  return TITLE_LOCALES.find((l) => l === language) ?? null;
}

export function requestLocale(argument: string | null | undefined, acceptLanguage: string | null | undefined): string {
  if (argument?.trim()) return nearest(argument) ?? 'en';
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag: tag!.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const found = nearest(tag);
    if (found) return found;
  }
  return 'en';
}
