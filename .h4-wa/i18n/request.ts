import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage } from './config';
import { loadMessages } from './messages';

/** Locale of this request: the `locale` cookie, else Accept-Language, else English. */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(cookie)
    ? cookie
    : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale);
  return {
    locale,
    messages: await loadMessages(locale),
  };
});
