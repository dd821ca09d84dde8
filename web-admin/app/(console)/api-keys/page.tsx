import { getLocale, getTranslations } from 'next-intl/server';

import type { ApiKeyRow } from '@/components/access/api-keys-columns';
import { ApiKeysTable } from '@/components/access/api-keys-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { ApiKeysList } from './api-keys.graphql';

/** Partner API keys (access:admin). Secrets are never listed: only the prefix. */
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'apiKeys')) return <Forbidden />;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(ApiKeysList, pageVariables(await searchParams)),
    getLocale(),
    getTranslations('apiKeys'),
  ]);
  if (!data?.apiKeys) return pageFailure(errors);
  const { apiKeys } = data;
  const now = Date.now();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, shop) : null);
  const keys = mapNodes(apiKeys, (node): ApiKeyRow => ({
    id: node.id,
    name: node.name,
    prefix: node.prefix,
    scopes: node.scopes,
    lastUsedAt: when(node.lastUsedAt),
    expiresAt: when(node.expiresAt),
    revokedAt: when(node.revokedAt),
    expired: !!node.expiresAt && new Date(node.expiresAt).getTime() <= now,
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ApiKeysTable keys={keys} scopes={data.scopes ?? []} />
    </>
  );
}
