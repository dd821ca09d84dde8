'use server';

import { describeErrors, request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  ProductImportJob,
  ProductImportPreviewQuery,
  ProductImportStart,
  type ImportJob,
  type ImportMode,
  type ImportPreview,
} from './import.graphql';

/** productImportPreview: the dry run of an uploaded file; writes nothing. */
export async function previewImport(uploadId: string): Promise<{ ok: true; value: ImportPreview } | { ok: false; message: string }> {
  const { data, errors } = await request(ProductImportPreviewQuery, { uploadId });
  if (data?.productImportPreview) return { ok: true, value: data.productImportPreview };
  return { ok: false, message: describeErrors(errors) };
}

/** productImportStart: queues the import job. */
export async function startImport(uploadId: string, mode: ImportMode): Promise<ActionResult<ImportJob>> {
  return runMutation(ProductImportStart, { input: { uploadId, mode } }, (d) => d.productImportStart, (p) => p.job!);
}

/** job(id): where the import is (polled by the wizard). */
export async function importJob(id: string): Promise<ImportJob | null> {
  const { data } = await request(ProductImportJob, { id });
  return data?.job ?? null;
}
