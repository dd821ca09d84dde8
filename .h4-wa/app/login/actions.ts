'use server';

import { redirect } from 'next/navigation';

import { clearSessionCookies, setSessionCookie } from '@/lib/cookies';
import { describeErrors, request } from '@/lib/graphql';

import { LoginSubmit } from './login.graphql';

export interface LoginState {
  /** AccessErrorCode of the failure (INVALID_CREDENTIALS, LOGIN_THROTTLED, ACCOUNT_DISABLED, …). */
  error: string | null;
  email: string;
}

/** Only a path on this console: `/orders?after=x`, never `//evil.example` or a full URL. */
function safeNext(next: FormDataEntryValue | null): string {
  const path = typeof next === 'string' ? next : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !path.startsWith('/login')
    ? path
    : '/';
}

/** Signs in with staffLogin, keeps the token in the httpOnly session cookie, returns to `next`. */
export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { error: 'REQUIRED', email };
  const { data, errors } = await request(
    LoginSubmit,
    { input: { email, password } },
    { session: false, unauthenticated: 'return' },
  );
  const payload = data?.staffLogin;
  if (!payload) {
    console.error(describeErrors(errors));
    return { error: errors.some((e) => e.extensions?.code === 'THROTTLED') ? 'LOGIN_THROTTLED' : 'UNAVAILABLE', email };
  }
  if (payload.userErrors.length || !payload.token) {
    return { error: payload.userErrors[0]?.code ?? 'INVALID_CREDENTIALS', email };
  }
  await clearSessionCookies();
  await setSessionCookie(payload.token, payload.expiresAt);
  redirect(safeNext(form.get('next')));
}
