import { getLocale, getTranslations } from 'next-intl/server';

import { AuditFilters, type AuditFilterValues } from '@/components/access/audit-filters';
import type { AuditRow } from '@/components/access/audit-columns';
import { AuditTable } from '@/components/access/audit-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { isAuditOutcome } from '@/lib/audit';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { AuditLogList } from './audit.graphql';

const dayMs = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` from a date input → the start of that day (UTC), shifted by whole days. */
function dayStart(date: string | null, plusDays = 0): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const start = new Date(`${date}T00:00:00Z`).getTime();
  return Number.isNaN(start) ? null : new Date(start + plusDays * dayMs).toISOString();
}

/** The append-only audit log (audit:read), newest first, filtered by the GET form above it. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'audit')) return <Forbidden />;
  const params = await searchParams;
  const outcome = param(params, 'outcome');
  const values: AuditFilterValues = {
    actorId: param(params, 'actorId'),
    rootField: param(params, 'rootField'),
    outcome: isAuditOutcome(outcome) ? outcome : null,
    from: param(params, 'from'),
    to: param(params, 'to'),
  };
  const [{ data, errors }, locale, t] = await Promise.all([
    request(AuditLogList, {
      ...pageVariables(params),
      filter: {
        actorId: values.actorId,
        rootField: values.rootField,
        outcome: values.outcome,
        // Whole days: from the start of `from` to the end of `to` (UTC).
        from: dayStart(values.from),
        to: dayStart(values.to, 1),
      },
    }),
    getLocale(),
    getTranslations('audit'),
  ]);
  if (!data?.auditLog) return pageFailure(errors);
  const { auditLog } = data;
  const entries = mapNodes(auditLog, (node): AuditRow => ({
    ...node,
    at: formatDateTime(node.at, locale, shop),
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <AuditFilters values={values} />
      <AuditTable entries={entries} keep={{ ...values }} />
    </>
  );
}
