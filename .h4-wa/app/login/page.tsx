import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { LoginForm } from '@/components/access/login-form';
import { param, type SearchParams } from '@/lib/connection';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

/** Sign-in, outside the console frame; `?next=` is where the viewer goes afterwards. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = param(await searchParams, 'next');
  return <LoginForm next={next ?? '/'} />;
}
