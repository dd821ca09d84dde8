// Who may enter each query of reports.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Reports are for staff and partners with reports:read; the dashboard is for staff (scopes checked at the gateway). */
export const permissions: EntryPointRules = {
  Query: { salesSummary: rules.operator, reportCatalog: rules.operator, report: rules.operator, dashboard: rules.staff },
};
