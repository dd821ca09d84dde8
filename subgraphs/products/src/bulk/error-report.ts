import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Db } from '@shop/kit';
import { allJobIssues } from './service.js';

async function* records(db: Db, jobId: string) {
  for await (const page of allJobIssues(db, jobId)) {
    for (const issue of page) yield { row: issue.row, column: issue.column ?? '', code: issue.code, message: issue.message };
  }
}

/** A job's issues as CSV (row, column, code, message) with a BOM, read from the database a page at a time. */
export function errorReportCsv(db: Db, jobId: string): Readable {
  const csv = stringify({ header: true, columns: ['row', 'column', 'code', 'message'], bom: true });
  return pipeline(Readable.from(records(db, jobId)), csv, () => {});
}
