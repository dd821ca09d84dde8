import { getLocale, getTranslations } from 'next-intl/server';

import { ReportsTabs } from '@/components/reports/reports-tabs';
import { SavedReportsTable } from '@/components/reports/saved-reports-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDateTime } from '@/lib/format';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { can, getViewer } from '@/lib/viewer';

import { ReportsSavedList } from '../reports.graphql';

/** Saved reports: the viewer's own and those shared with one of their roles (reports:read). */
export default async function SavedReportsPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'reports')) return <Forbidden />;
  const [{ data, errors }, shop, locale, t] = await Promise.all([
    request(ReportsSavedList, {}),
    getShopSettings(),
    getLocale(),
    getTranslations('reports'),
  ]);
  if (!data?.savedReports) return pageFailure(errors);
  const rows = data.savedReports.edges.map(({ node }) => ({
    id: node.id,
    name: node.name,
    sharedWithRoles: node.sharedWithRoles,
    updated: formatDateTime(node.updatedAt, locale, shop),
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <ReportsTabs />
      <SavedReportsTable rows={rows} canWrite={can(viewer, 'reports:write')} />
    </>
  );
}
