import { graphql } from '@/gql';
import type { SavedReportSchedulesQuery } from '@/gql/graphql';

/** A saved report's delivery schedules (reports:write). */
export const SavedReportSchedules = graphql(`
  query SavedReportSchedules($id: ID!) {
    savedReport(id: $id) {
      id
      name
      schedules {
        id
        frequency
        at
        delivery
        target
        format
        enabled
        nextRunAt
        lastDeliveredPeriod {
          from
          to
        }
      }
    }
  }
`);

export type ScheduleNode = NonNullable<NonNullable<SavedReportSchedulesQuery['savedReport']>['schedules']>[number];

export const ReportScheduleCreate = graphql(`
  mutation ReportScheduleCreate($input: ReportScheduleCreateInput!) {
    reportScheduleCreate(input: $input) {
      schedule {
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

export const ReportScheduleUpdate = graphql(`
  mutation ReportScheduleUpdate($input: ReportScheduleUpdateInput!) {
    reportScheduleUpdate(input: $input) {
      schedule {
        id
        enabled
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ReportScheduleDelete = graphql(`
  mutation ReportScheduleDelete($input: ReportScheduleDeleteInput!) {
    reportScheduleDelete(input: $input) {
      deletedId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
