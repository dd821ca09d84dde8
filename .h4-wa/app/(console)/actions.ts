'use server';

import { redirect } from 'next/navigation';

import { clearSessionCookies, setStepUpCookie } from '@/lib/cookies';
import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { ConsoleLogout, ConsoleStepUpConfirm } from './console.graphql';

/** Ends the session at the gateway (whatever it answers), forgets the cookies, goes to /login. */
export async function logout(): Promise<void> {
  await request(ConsoleLogout, { input: {} }, { unauthenticated: 'return' }).catch((error: unknown) =>
    console.error(error),
  );
  await clearSessionCookies();
  redirect('/login');
}

/** Confirms the password again; the step-up token goes into the httpOnly `shop_step_up` cookie. */
export async function confirmStepUp(password: string): Promise<ActionResult<null>> {
  const result = await runMutation(
    ConsoleStepUpConfirm,
    { input: { password } },
    (data) => data.stepUpConfirm,
    (payload) => payload,
  );
  if (!result.ok) return result;
  if (!result.value.stepUpToken) return { ok: false, reason: 'ERROR' };
  await setStepUpCookie(result.value.stepUpToken, result.value.expiresAt);
  return { ok: true, value: null };
}
