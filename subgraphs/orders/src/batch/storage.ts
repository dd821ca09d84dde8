// Where finished exports live: files named by their run, written under a temporary name until complete.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { ExportFormat } from './export.js';

/** EXPORT_DIR, else <DATA_DIR or .data>/exports. The gateway (download) and the worker (writer) read the same env. */
export function exportDir(): string {
  return resolve(process.env.EXPORT_DIR ?? join(process.env.DATA_DIR ?? '.data', 'exports'));
}

const EXTENSIONS: Record<ExportFormat, string> = { CSV: 'csv', XLSX: 'xlsx' };

export const exportPath = (runId: string, format: ExportFormat) => join(exportDir(), `orders-${runId}.${EXTENSIONS[format]}`);

/** Runs `write` into a file that gets its final name only once `write` succeeded; a failure leaves no file. */
export async function writeExportFile(runId: string, format: ExportFormat, write: (out: Writable) => Promise<void>): Promise<void> {
  await mkdir(exportDir(), { recursive: true });
  const final = exportPath(runId, format);
  const partial = `${final}.part`;
  try {
    await write(createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, final);
}
