// Input checks of content writes (zod): each mistake becomes a coded userError at its input path.
import { z } from 'zod';
import { ok } from '@shop/kit';
import { contentError, isContentErrorCode, type ContentResult } from '../errors/index.js';
import { isContentLocale } from './locale.js';
import { renderMarkdown } from './markdown.js';
import type { ArticleText, ArticleTexts, PlacementTexts, Texts } from './texts.js';

export const LIMITS = { title: 120, body: 500, articleTitle: 200, summary: 500, articleBody: 10_000, url: 2000, slug: 100 } as const;

const ORDER_CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;

/** Text trimmed, at most `max` characters counted in code points, required or not. */
const requiredText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s.length > 0 && [...s].length <= max, { error: 'INVALID_TEXT', params: { max, required: 1 } });

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => s?.trim() || null)
    .refine((s) => s === null || [...s].length <= max, { error: 'INVALID_TEXT', params: { max } });

/** A link or image: absolute http(s), or a path on the storefront ("/sale"); never javascript:, data: or "//host". */
function isSafeUrl(value: string): boolean {
  if (value.length > LIMITS.url) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !/\s/.test(value);
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}
const url = z
  .string()
  .transform((s) => s.trim())
  .refine(isSafeUrl, { error: 'INVALID_URL' });

const distinct = (values: readonly string[]) => new Set(values).size === values.length;

const locale = z.string().refine(isContentLocale, { error: 'INVALID_LOCALE' });

/** A list of texts with their locale as a map by locale: English required, no locale twice. */
function textsOf<T extends { locale: string }>(item: z.ZodType<T>) {
  return z
    .array(item)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((text, i) => {
        if (seen.has(text.locale)) ctx.addIssue({ code: 'custom', message: 'DUPLICATE_LOCALE', path: [i, 'locale'] });
        seen.add(text.locale);
      });
      if (!seen.has('en')) ctx.addIssue({ code: 'custom', message: 'ENGLISH_REQUIRED', path: [] });
    })
    .transform((list) => Object.fromEntries(list.map(({ locale: key, ...text }) => [key, text])) as unknown as Texts<Omit<T, 'locale'>>);
}

const placementTexts = textsOf(z.object({ locale, title: requiredText(LIMITS.title), body: optionalText(LIMITS.body) })) as unknown as z.ZodType<PlacementTexts>;

const articleTexts = textsOf(
  z.object({ locale, title: requiredText(LIMITS.articleTitle), summary: optionalText(LIMITS.summary), body: requiredText(LIMITS.articleBody) }),
).transform(
  (texts) =>
    Object.fromEntries(
      Object.entries(texts).map(([key, text]) => [key, { ...(text as Omit<ArticleText, 'bodyHtml'>), bodyHtml: renderMarkdown((text as ArticleText).body) }]),
    ) as ArticleTexts,
);

const channels = z.array(z.enum(ORDER_CHANNELS)).refine(distinct, { error: 'DUPLICATE_CHANNEL' });
const locales = z.array(locale).refine(distinct, { error: 'DUPLICATE_LOCALE' });

/** Null for a field that cannot be cleared means "leave it as it is", as omitting it does. */
const keep = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional());

const endsAfterStart = (v: { startsAt?: Date | null; endsAt?: Date | null }) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt;

const placementShape = {
  texts: placementTexts,
  imageUrl: url.nullish(),
  linkUrl: url.nullish(),
  channels: channels.nullish().transform((v) => v ?? []),
  locales: locales.nullish().transform((v) => v ?? []),
  startsAt: z.date().nullish(),
  endsAt: z.date().nullish(),
};

export const placementCreateInput = z
  .object(placementShape)
  .refine(endsAfterStart, { error: 'INVALID_SCHEDULE', path: ['endsAt'] });

export const placementUpdateInput = z.object({
  id: z.string(),
  texts: keep(placementTexts),
  imageUrl: keep(url),
  linkUrl: url.nullish(),
  channels: keep(channels),
  locales: keep(locales),
  startsAt: keep(z.date()),
  endsAt: z.date().nullish(),
});

const slug = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length <= LIMITS.slug && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s), { error: 'INVALID_SLUG', params: { max: LIMITS.slug } });

export const articleCreateInput = z.object({ slug, texts: articleTexts, coverImageUrl: url.nullish() });

export const articleUpdateInput = z.object({ id: z.string(), slug: keep(slug), texts: keep(articleTexts), coverImageUrl: url.nullish() });

export type PlacementCreateValues = z.output<typeof placementCreateInput>;
export type PlacementUpdateValues = z.output<typeof placementUpdateInput>;
export type ArticleCreateValues = z.output<typeof articleCreateInput>;
export type ArticleUpdateValues = z.output<typeof articleUpdateInput>;

/**
 * Parses a mutation's input: the values to write, or every mistake as a
 * userError at ['input', ...path]. Messages come from the codes, never from zod
 * or the input's values.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): ContentResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const code = isContentErrorCode(issue.message) ? issue.message : 'INVALID_INPUT';
      const params = (issue as { params?: Record<string, string | number> }).params ?? {};
      return contentError(code, ['input', ...issue.path.map(String)], params);
    }),
  };
}
