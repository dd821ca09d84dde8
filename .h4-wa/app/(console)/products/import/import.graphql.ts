import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export type ImportMode = 'ALL_OR_NOTHING' | 'SKIP_INVALID_ROWS';
export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface ImportIssue {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  valid: number;
  invalid: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  issueCount: number;
  issues: ImportIssue[];
}

export interface ImportJob {
  id: string;
  status: JobStatus;
  mode: ImportMode;
  progress: number;
  processed: number;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errorCount: number;
  message: string | null;
  errors: ImportIssue[];
}

const ISSUE = /* GraphQL */ `row column code message`;

export const ProductImportPreviewQuery = operation<{ productImportPreview: ImportPreview | null }, { uploadId: string }>(/* GraphQL */ `
  query ProductImportPreview($uploadId: ID!) {
    productImportPreview(uploadId: $uploadId, first: 200) {
      rows
      valid
      invalid
      toCreate
      toUpdate
      unchanged
      issueCount
      issues { ${ISSUE} }
    }
  }
`);

const JOB = /* GraphQL */ `
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
  errors(first: 200) { ${ISSUE} }
`;

export const ProductImportStart = operation<
  { productImportStart: { job: ImportJob | null; userErrors: UserError[] } | null },
  { input: { uploadId: string; mode: ImportMode } }
>(/* GraphQL */ `
  mutation ProductImportStart($input: ProductImportStartInput!) {
    productImportStart(input: $input) {
      job { ${JOB} }
      userErrors { field message code }
    }
  }
`);

export const ProductImportJob = operation<{ job: ImportJob | null }, { id: string }>(/* GraphQL */ `
  query ProductImportJob($id: ID!) {
    job(id: $id) { ${JOB} }
  }
`);
