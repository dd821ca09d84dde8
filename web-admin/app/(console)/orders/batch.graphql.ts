import { graphql } from '@/gql';
import type { OrderBatchRunFieldsFragment } from '@/gql/graphql';

/** What the batch bar shows of a run: counters, the refused rows and, for an export, its file. */
export const OrderBatchRunFields = graphql(`
  fragment OrderBatchRunFields on OrderBatchRun {
    id
    kind
    status
    dryRun
    total
    done
    failed
    progress
    format
    downloadUrl
    report(first: 1000) {
      row
      orderNumber
      code
      params {
        name
        value
      }
    }
  }
`);

export const OrderBatchRunQuery = graphql(`
  query OrderBatchRun($id: ID!) {
    orderBatchRun(id: $id) {
      ...OrderBatchRunFields
    }
  }
`);

export const OrderBatchShipFromCsv = graphql(`
  mutation OrderBatchShipFromCsv($input: OrderBatchShipFromCsvInput!) {
    orderBatchShipFromCsv(input: $input) {
      run {
        ...OrderBatchRunFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderBatchTag = graphql(`
  mutation OrderBatchTag($input: OrderBatchTagInput!) {
    orderBatchTag(input: $input) {
      run {
        ...OrderBatchRunFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderBatchExport = graphql(`
  mutation OrderBatchExport($input: OrderBatchExportInput!) {
    orderBatchExport(input: $input) {
      run {
        ...OrderBatchRunFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrderBatchBook = graphql(`
  mutation OrderBatchBook($input: OrderBatchBookInput!) {
    orderBatchBook(input: $input) {
      run {
        ...OrderBatchRunFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Carriers that book waybills themselves, for the batch bar's booking menu. */
export const OrderBatchCarriers = graphql(`
  query OrderBatchCarriers {
    carriers {
      code
      name
      books
      active
    }
  }
`);

export type BatchRun = OrderBatchRunFieldsFragment;
export type { OrderBatchSelection, OrderExportFormat } from '@/gql/graphql';
