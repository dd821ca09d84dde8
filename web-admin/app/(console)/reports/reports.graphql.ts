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
