// Report files: CSV/XLSX rendering, exports through the API and their download links.
export { CONTENT_TYPES, EXPORT_FORMATS, reportFileBytes, writeReportFile, type ExportFormat, type ReportTable } from './render.js';
export { reportTable, tableOf } from './report-table.js';
export {
  EXPORT_TASK, reportExportDownloadPath, reportExportLinkValid, reportExportOf, reportExportPath, reportExportStart, requesterOf,
  writeReportExport,
} from './service.js';
export { reportExport, type ReportExportRow } from './tables.js';
