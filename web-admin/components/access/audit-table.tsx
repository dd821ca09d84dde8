'use client';

import { useTranslations } from 'next-intl';

import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';

import { useAuditColumns, type AuditRow } from './audit-columns';

/** The audit log, newest first, one page at a time. */
export function AuditTable({ entries, keep }: { entries: Connection<AuditRow>; keep: Record<string, string | null> }) {
  const t = useTranslations('audit');
  return (
    <ListTable<AuditRow>
      connection={entries}
      keep={keep}
      columns={useAuditColumns()}
      emptyText={t('empty')}
      rowData={() => ({ 'data-testid': 'audit-row' })}
    />
  );
}
