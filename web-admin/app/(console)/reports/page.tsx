import { getTranslations } from 'next-intl/server';

import { ReportsTabs } from '@/components/reports/reports-tabs';
import { ReportWorkbench } from '@/components/reports/report-workbench';
import { valuesOf, type BuilderValues } from '@/components/reports/report-query';
import type { CurrencyCode } from '@/gql/graphql';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { param, type SearchParams } from '@/lib/connection';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { shopToday } from '@/lib/shop-time';
import { can, getViewer } from '@/lib/viewer';

import { ReportsBuilderCatalog, ReportsShareRoles, SavedReportOpen } from './reports.graphql';

/** What a new report starts as: GMV per day over the last 30 shop days, in the shop's currency. */
const blankReport = (currencyCode: CurrencyCode): BuilderValues => ({
  metrics: ['GMV'],
  dimensions: ['DAY'],
  filters: [],
  preset: 'LAST_30_DAYS',
  comparison: 'NONE',
  currencyCode,
});

/**
 * The report builder (reports:read): the catalog the viewer may use, previewed as a chart
 * and a table; `?saved=<id>` opens a saved report. Saving and sharing take reports:write.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'reports')) return <Forbidden />;
  const savedId = param(await searchParams, 'saved');
  const [{ data, errors }, shop, saved, shareRoles, t] = await Promise.all([
    request(ReportsBuilderCatalog, {}),
    getShopSettings(),
    savedId ? request(SavedReportOpen, { id: savedId }) : null,
    request(ReportsShareRoles, {}),
    getTranslations('reports'),
  ]);
  if (!data?.reportCatalog) return pageFailure(errors);
  const opened = saved?.data?.savedReport ?? null;
  // Staff who may not list the shop's roles share with the roles they hold.
  const roles = shareRoles.data?.roles ?? viewer.roles;
  return (
    <>
      <PageHeader title={opened ? <bdi>{opened.name}</bdi> : t('title')} />
      <ReportsTabs />
      <ReportWorkbench
        catalog={data.reportCatalog}
        initialValues={opened ? valuesOf(opened.definition, shop.currencyCode) : blankReport(shop.currencyCode)}
        today={shopToday(shop.timeZone)}
        calendar={{ buddhistEra: shop.buddhistEra, hijri: shop.hijri }}
        weekStartsOn={shop.weekStartsOn}
        opened={opened && { id: opened.id, name: opened.name, sharedWithRoles: opened.sharedWithRoles }}
        roles={roles}
        canWrite={can(viewer, 'reports:write')}
      />
    </>
  );
}
