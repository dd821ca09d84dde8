// Privacy tasks: members' own part, the purge of an expired export, and the recording of every domain's parts.
import type { Db, Task } from '@shop/kit';
import { privacyTasksOf, reportPrivacyPartsWith } from '@shop/kit/privacy-parts';
import { eraseMember, memberExport } from './member-part.js';
import { privacyPartDone, purgeExports, PURGE_EXPORT_TASK, type PrivacyDomain } from './service.js';

// Every domain's privacy tasks report through kit's port; members records the parts.
reportPrivacyPartsWith((tx, requestId, domain, data) => privacyPartDone(tx, requestId, domain as PrivacyDomain, data));

/** Drops an export's data once its retention ended (run at its expiry). */
async function purgeTask(payload: unknown, db: Db): Promise<void> {
  const { requestId } = payload as { requestId: string };
  await db.transaction((tx) => purgeExports(tx, [requestId]));
}

export const privacyTasks: Record<string, Task> = {
  ...privacyTasksOf('members', { collect: memberExport, erase: eraseMember }),
  [PURGE_EXPORT_TASK]: purgeTask,
};
