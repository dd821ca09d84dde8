import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { ProductImportJobQuery, ProductImportPreviewQuery as PreviewQuery } from '@/gql/graphql';

export const ProductImportPreviewQuery = graphql(`
  query ProductImportPreview($uploadId: ID!) {
    productImportPreview(uploadId: $uploadId, first: 200) {
      rows
      valid
      invalid
      toCreate
      toUpdate
      unchanged
      issueCount
      issues {
        row
        column
        code
        message
      }
    }
  }
`);

export const ProductImportStart = graphql(`
  mutation ProductImportStart($input: ProductImportStartInput!) {
    productImportStart(input: $input) {
      job {
        id
        status
        mode
        progress
        processed
        total
        created
        updated
        unchanged
        invalid
        errorCount
        message
        errors(first: 200) {
          row
          column
          code
          message
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ProductImportJob = graphql(`
  query ProductImportJob($id: ID!) {
    job(id: $id) {
      id
      status
      mode
      progress
      processed
      total
      created
      updated
      unchanged
      invalid
      errorCount
      message
      errors(first: 200) {
        row
        column
        code
        message
      }
    }
  }
`);

export type { ProductImportMode as ImportMode } from '@/gql/graphql';
export type ImportJob = NonNullable<ProductImportJobQuery['job']>;
export type ImportPreview = NonNullable<PreviewQuery['productImportPreview']>;
export type ImportIssue = ItemOf<ImportPreview['issues']>;
