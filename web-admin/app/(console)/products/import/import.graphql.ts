import { graphql } from '@/gql';

export const ProductImportPreviewQuery = graphql(/* GraphQL */ `
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

export const ProductImportStart = graphql(/* GraphQL */ `
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

export const ProductImportJob = graphql(/* GraphQL */ `
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
