'use server';

import { cookies } from 'next/headers';

import { isLocale, localeCookie } from './config';

/** Stores the chosen locale for a year; the caller reloads the page. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) throw new Error(`Unsupported locale: ${locale}`);
  (await cookies()).set(localeCookie, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  });
}
