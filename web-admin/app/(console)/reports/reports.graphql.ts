import { graphql } from '@/gql';
import type { ReportPreviewQuery } from '@/gql/graphql';

/** What the builder offers: the metrics (with units) and dimensions this viewer may use. */
export const ReportsBuilderCatalog = graphql(`
  query ReportsBuilderCatalog {
    reportCatalog {
      metrics {
        metric
        unit
      }
      dimensions
    }
  }
`);

/** The builder's preview: rows, totals and the comparison, as the export would hold them. */
export const ReportPreview = graphql(`
  query ReportPreview($input: ReportQueryInput!) {
    report(input: $input) {
      range {
        from
        to
      }
      comparisonRange {
        from
        to
      }
      metrics
      dimensions
      rows {
        keys {
          dimension
          key
          label
        }
        values {
          metric
          value
        }
        comparisonValues {
          metric
          value
        }
      }
      totals {
        metric
        value
      }
      comparisonTotals {
        metric
        value
      }
      truncated
      currencyCode
    }
  }
`);

export type ReportPreviewResult = NonNullable<ReportPreviewQuery['report']>;

/** The saved reports this viewer may open (own and shared with one of their roles), and the roles to share with. */
export const ReportsSavedList = graphql(`
  query ReportsSavedList {
    savedReports(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          sharedWithRoles
          updatedAt
        }
      }
    }
  }
`);

/** Roles a report can be shared with: the shop's roles where the viewer may list them. */
export const ReportsShareRoles = graphql(`
  query ReportsShareRoles {
    roles {
      name
      title
    }
  }
`);

/** One saved report, to open it in the builder. */
export const SavedReportOpen = graphql(`
  query SavedReportOpen($id: ID!) {
    savedReport(id: $id) {
      id
      name
      sharedWithRoles
      definition {
        metrics
        dimensions
        filters {
          dimension
          values
        }
        rangePreset
        range {
          from
          to
        }
        comparison
        currencyCode
      }
    }
  }
`);

export const SavedReportCreate = graphql(`
  mutation SavedReportCreate($input: SavedReportCreateInput!) {
    savedReportCreate(input: $input) {
      savedReport {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const SavedReportUpdate = graphql(`
  mutation SavedReportUpdate($input: SavedReportUpdateInput!) {
    savedReportUpdate(input: $input) {
      savedReport {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const SavedReportDelete = graphql(`
  mutation SavedReportDelete($input: SavedReportDeleteInput!) {
    savedReportDelete(input: $input) {
      deletedId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Starts a file export of a saved report or of the builder's query; the worker writes the file. */
export const ReportExportStart = graphql(`
  mutation ReportExportStart($input: ReportExportInput!) {
    reportExport(input: $input) {
      export {
        id
        status
        progress
        format
        rowCount
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** An export's progress; its signed download link once the file is written. */
export const ReportExportJob = graphql(`
  query ReportExportJob($id: ID!) {
    reportExportJob(id: $id) {
      id
      status
      progress
      format
      rowCount
      downloadUrl
    }
  }
`);
