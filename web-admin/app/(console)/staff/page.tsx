import { getLocale, getTranslations } from 'next-intl/server';

import { AccessTabs } from '@/components/access/access-tabs';
import type { StaffRow } from '@/components/access/staff-columns';
import { StaffTable } from '@/components/access/staff-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StaffList } from './staff.graphql';

/** Staff accounts: readable with access:admin or audit:read, changeable with access:admin. */
export default async function StaffPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'staff')) return <Forbidden />;
  const params = await searchParams;
  const query = param(params, 'q');
  const [{ data, errors }, locale, t] = await Promise.all([
    request(StaffList, { ...pageVariables(params), query }),
    getLocale(),
    getTranslations('staff'),
  ]);
  if (!data?.staff) return pageFailure(errors);
  const { staff } = data;
  const rows = mapNodes(staff, (node): StaffRow => ({
    id: node.id,
    displayName: node.displayName,
    email: node.email,
    roles: node.roles ?? [],
    disabled: node.disabled ?? false,
    lastLoginAt: node.lastLoginAt ? formatDateTime(node.lastLoginAt, locale, shop) : null,
    self: node.id === viewer.id,
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <AccessTabs />
      <StaffTable staff={rows} roles={data.roles ?? []} canManage={can(viewer, 'access:admin')} />
    </>
  );
}
