// Who may enter each query and mutation of reports (scopes and staff policies are checked at the gateway).
import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Reports are for staff and partners with reports:read; the dashboard, saved reports, schedules and acknowledging are staff work. */
export const permissions: EntryPointRules = {
  Query: {
    salesSummary: rules.operator, reportCatalog: rules.operator, report: rules.operator, dashboard: rules.staff,
    savedReports: rules.staff, savedReport: rules.staff, reportExportJob: rules.operator, anomalyRules: rules.operator, anomalyAlerts: rules.operator,
  },
  Mutation: {
    savedReportCreate: rules.staff, savedReportUpdate: rules.staff, savedReportDelete: rules.staff,
    reportExport: rules.operator,
    reportScheduleCreate: rules.staff, reportScheduleUpdate: rules.staff, reportScheduleDelete: rules.staff,
    anomalyRuleUpdate: rules.operator, anomalyAlertAcknowledge: rules.staff,
  },
};
