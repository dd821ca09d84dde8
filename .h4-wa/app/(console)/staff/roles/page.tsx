import { getTranslations } from 'next-intl/server';

import { AccessTabs } from '@/components/access/access-tabs';
import { RolesTable } from '@/components/access/roles-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { RolesList } from './roles.graphql';

/** Built-in and custom roles; custom roles are created and changed with access:admin. */
export default async function RolesPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'staff')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(RolesList, {}), getTranslations('roles')]);
  if (!data?.roles) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <AccessTabs />
      <RolesTable roles={data.roles} scopes={data.scopes ?? []} canManage={can(viewer, 'access:admin')} />
    </>
  );
}
