'use client';

import { ExportButtons } from './export-buttons';
import { ReportBuilder, type BuilderCatalog } from './report-builder';
import type { DayCalendar } from './report-result';
import { queryInputOf, type BuilderValues } from './report-query';
import { SaveReportDialog, type OpenedReport } from './save-report-dialog';

/** The builder with what acts on its report: save and share (reports:write) and export. */
export function ReportWorkbench({
  catalog,
  initialValues,
  today,
  weekStartsOn,
  calendar,
  opened,
  roles,
  canWrite,
}: {
  catalog: BuilderCatalog;
  initialValues: BuilderValues;
  today: string;
  weekStartsOn: number;
  calendar: DayCalendar;
  opened: OpenedReport | null;
  roles: { name: string; title: string }[];
  canWrite: boolean;
}) {
  return (
    <ReportBuilder
      key={opened?.id ?? 'new'}
      catalog={catalog}
      initialValues={initialValues}
      today={today}
      weekStartsOn={weekStartsOn}
      calendar={calendar}
      actions={(values) => (
        <>
          {canWrite && <SaveReportDialog values={values} opened={opened} roles={roles} />}
          <ExportButtons
            source={() => {
              const current = values();
              return current ? { query: queryInputOf(current, today, weekStartsOn) } : null;
            }}
          />
        </>
      )}
    />
  );
}
