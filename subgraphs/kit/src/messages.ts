// Server-made messages in the shop's five languages, one way for every subgraph: a domain keeps a catalogue of
// its userError codes (by area, each code a sentence built from parameters, never from the input's values), makes
// its errors in English with errorMakers, and its mutations answer in the caller's language through
// answeringInCallersLanguage, which builds each message again from the code and parameters the error remembers.
import type { UserError } from './result.js';

export const LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a message is built from: counts, limits, kinds, numbers the server chose; never the input's own values. */
export type Params = Record<string, string | number>;
export type Message = (p: Params) => string;

/** The English messages of a domain: area → code → message. English is the source every other locale follows. */
export type Areas = Record<string, Record<string, Message>>;

/** Another locale's messages: every code of every area of `E`, no more, built from the same parameters. */
export type Translation<E extends Areas> = { [A in keyof E]: Record<keyof E[A], Message> };

/** A domain's catalogue: English plus the four other locales, each complete (checked by the type). */
export type Catalogue<E extends Areas> = { en: E } & Record<Exclude<Locale, 'en'>, Translation<E>>;

/**
 * The shop locale an Accept-Language header asks for first (by q weight, then order): th-TH → th, zh-TW, zh-HK,
 * zh-MO and zh-Hant read Traditional Chinese, other zh tags Simplified; English when none of the five fits.
 */
export function callersLocale(acceptLanguage: string | null | undefined): Locale {
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

/** How each catalogued error's message is built again in another locale (the error object stays plain data). */
const origins = new WeakMap<object, (locale: Locale) => string>();

function renderer<E extends Areas>(catalogue: Catalogue<E>, area: keyof E, code: string, params: Params) {
  return (locale: Locale) => (catalogue[locale][area] as Record<string, Message>)[code]!(params);
}

/**
 * The code a catalogue key answers with: a key is the code itself, or `CODE:variant` where one code has several
 * sentences (INVALID for a note that is too long and for a tracking number that is too long).
 */
export type CodeOf<K extends string> = K extends `${infer C}:${string}` ? C : K;

/** The error and failure makers of one area of a catalogue; each error is made in English and remembers its origin. */
export function errorMakers<E extends Areas, A extends keyof E & string>(catalogue: Catalogue<E>, area: A) {
  type Key = keyof E[A] & string;
  const error = <K extends Key>(key: K, field: string[] | null, params: Params = {}): UserError<CodeOf<K>> => {
    const render = renderer(catalogue, area, key, params);
    const made = { field, code: key.split(':')[0] as CodeOf<K>, message: render('en') };
    origins.set(made, render);
    return made;
  };
  const fail = <K extends Key>(key: K, field: string[] | null, params: Params = {}): { ok: false; errors: UserError<CodeOf<K>>[] } => ({
    ok: false,
    errors: [error(key, field, params)],
  });
  return { error, fail };
}

/**
 * The same error restated by another domain (another code, the mutation's own input path, extra data such as
 * availableQuantity), still built again in the caller's language from its original code and parameters.
 */
export function reissued<E extends UserError, O extends Partial<UserError> & Record<string, unknown>>(error: E, overrides: O): Omit<E, keyof O> & O {
  const restated = { ...error, ...overrides };
  const render = origins.get(error);
  if (render) origins.set(restated, render);
  return restated;
}

/**
 * A mutation payload with its userErrors' messages in the caller's language (Accept-Language). Errors not made
 * from a catalogue keep their message.
 */
export function inCallersLanguage<P>(payload: P, acceptLanguage: string | null | undefined): P {
  const errors = (payload as { userErrors?: UserError[] } | null)?.userErrors;
  const locale = callersLocale(acceptLanguage);
  if (!errors?.length || locale === 'en') return payload;
  const userErrors = errors.map((e) => {
    const render = origins.get(e);
    return render ? { ...e, message: render(locale) } : e;
  });
  return { ...payload, userErrors };
}

type Resolve = (parent: unknown, args: unknown, ctx: { acceptLanguage?: string | null }, info: unknown) => unknown;

/** The subgraph boundary: every mutation of `resolvers` answers its userErrors in the caller's language. */
export function answeringInCallersLanguage<R extends { Mutation?: unknown }>(resolvers: R): R {
  if (!resolvers.Mutation) return resolvers;
  const mutations = Object.entries(resolvers.Mutation as Record<string, Resolve>).map(([name, resolve]) => [
    name,
    async (parent: unknown, args: unknown, ctx: { acceptLanguage?: string | null }, info: unknown) =>
      inCallersLanguage(await resolve(parent, args, ctx, info), ctx.acceptLanguage),
  ]);
  return { ...resolvers, Mutation: Object.fromEntries(mutations) };
}

/** Every `locale.area.code` a catalogue lacks or has beyond English, for the guard test (the type checks the rest). */
export function catalogueGaps<E extends Areas>(catalogue: Catalogue<E>): string[] {
  const gaps: string[] = [];
  for (const locale of LOCALES) {
    for (const area of Object.keys(catalogue.en)) {
      const english = Object.keys(catalogue.en[area]!);
      const local = (catalogue[locale] as Record<string, Record<string, Message> | undefined>)[area] ?? {};
      for (const code of english) {
        const text = typeof local[code] === 'function' ? local[code]!(sampleParams) : '';
        if (!text.trim()) gaps.push(`${locale}.${area}.${code}`);
      }
      for (const code of Object.keys(local)) if (!english.includes(code)) gaps.push(`${locale}.${area}.${code} (not in en)`);
    }
  }
  return gaps;
}

/** Any parameter a message reads, as a sample value, so catalogueGaps can render every message. */
const sampleParams: Params = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? '1' : undefined) });
