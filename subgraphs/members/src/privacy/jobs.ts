// Members' privacy tasks: its own part of an export or erasure, and the purge of an expired export.
import type { Db, Task } from '@shop/kit';
import { eraseMember, memberExport } from './member-part.js';
import { privacyPartDone, privacyTaskName, purgeExports, PURGE_EXPORT_TASK, type PrivacyTaskPayload } from './service.js';

/** Collects the members schema's data about the member into the export. */
async function exportTask(payload: unknown, db: Db): Promise<void> {
  const { requestId, memberId } = payload as PrivacyTaskPayload;
  const data = await memberExport(db, memberId);
  await db.transaction((tx) => privacyPartDone(tx, requestId, 'members', data));
}

/** Anonymises the member in the members schema and reports the part done, in one transaction. */
async function eraseTask(payload: unknown, db: Db): Promise<void> {
  const { requestId, memberId } = payload as PrivacyTaskPayload;
  await db.transaction(async (tx) => {
    await eraseMember(tx, memberId);
    await privacyPartDone(tx, requestId, 'members');
  });
}

/** Drops an export's data once its retention ended (run at its expiry). */
async function purgeTask(payload: unknown, db: Db): Promise<void> {
  const { requestId } = payload as { requestId: string };
  await db.transaction((tx) => purgeExports(tx, [requestId]));
}

export const privacyTasks: Record<string, Task> = {
  [privacyTaskName('members', 'EXPORT')]: exportTask,
  [privacyTaskName('members', 'ERASE')]: eraseTask,
  [PURGE_EXPORT_TASK]: purgeTask,
};
