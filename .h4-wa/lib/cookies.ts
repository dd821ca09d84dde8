import { cookies, headers } from 'next/headers';

import { sessionCookie, stepUpCookie } from './graphql';

/** Secure cookies when the console is served over HTTPS (a proxy in front says so). */
async function secure(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}

/** Stores the session token until the session's own expiry. */
export async function setSessionCookie(token: string, expiresAt: string | null): Promise<void> {
  (await cookies()).set(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: await secure(),
    ...(expiresAt ? { expires: new Date(expiresAt) } : {}),
  });
}

/** Stores a step-up token for at most 5 minutes (less when the gateway says so). */
export async function setStepUpCookie(token: string, expiresAt: string | null): Promise<void> {
  const fiveMinutes = 5 * 60;
  const left = expiresAt ? Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000) : fiveMinutes;
  (await cookies()).set(stepUpCookie, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: await secure(),
    maxAge: Math.max(1, Math.min(fiveMinutes, left)),
  });
}

/** Forgets the session and any step-up. */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  jar.delete(sessionCookie);
  jar.delete(stepUpCookie);
}
