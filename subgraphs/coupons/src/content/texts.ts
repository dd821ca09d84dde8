// Texts per locale as stored (one JSON object keyed by locale) and the fallback a storefront read applies.
import { z } from 'zod';
import { CONTENT_LOCALES, FALLBACK_LOCALE, type ContentLocale } from './locale.js';

export interface PlacementText {
  title: string;
  body: string | null;
}

export interface ArticleText {
  title: string;
  summary: string | null;
  /** Markdown as the editor wrote it. */
  body: string;
  /** `body` rendered and sanitised when saved (markdown.ts), so readers never render untrusted Markdown. */
  bodyHtml: string;
}

/** Every text has English, the fallback; other locales are optional. */
export type Texts<T> = { en: T } & Partial<Record<ContentLocale, T>>;
export type PlacementTexts = Texts<PlacementText>;
export type ArticleTexts = Texts<ArticleText>;

const placementText = z.object({ title: z.string(), body: z.string().nullable() });
const articleText = z.object({ title: z.string(), summary: z.string().nullable(), body: z.string(), bodyHtml: z.string() });

/** The stored shapes: a row that fails them is a fault, not a user's mistake. */
export const storedPlacementTexts = z.object({ en: placementText }).catchall(placementText) as unknown as z.ZodType<PlacementTexts>;
export const storedArticleTexts = z.object({ en: articleText }).catchall(articleText) as unknown as z.ZodType<ArticleTexts>;

/** The texts as a list in the storefront's locale order, for staff editing every locale. */
export function textList<T>(texts: Texts<T>): (T & { locale: ContentLocale })[] {
  return CONTENT_LOCALES.flatMap((locale) => {
    const text = texts[locale];
    return text ? [{ ...text, locale }] : [];
  });
}

/** The text in `locale` when it has one, else the English text; `locale` says which was given. */
export function textIn<T>(texts: Texts<T>, locale: ContentLocale): T & { locale: ContentLocale } {
  const own = texts[locale];
  return own ? { ...own, locale } : { ...texts.en, locale: FALLBACK_LOCALE };
}
