import type { Db } from '@shop/kit';
import { checkImport, type ImportCaller } from './check.js';
import { issueLimit } from './service.js';
import { uploadById, uploadPath } from './storage.js';

/** productImportPreview: the dry run's counts and first issues; null for an unknown upload. Writes nothing. */
export async function importPreview(db: Db, uploadId: string, first: number | null | undefined, caller: ImportCaller) {
  const upload = await uploadById(db, uploadId);
  if (!upload) return null;
  const check = await checkImport(db, uploadPath(upload.id), caller);
  return {
    uploadId: upload.id,
    rows: check.rowCount,
    valid: check.rowCount - check.invalid,
    invalid: check.invalid,
    toCreate: check.counts.create,
    toUpdate: check.counts.update,
    unchanged: check.counts.unchanged,
    issueCount: check.issues.length,
    issues: check.issues.slice(0, issueLimit(first)),
  };
}
