// Privacy tasks: the shape every domain's part takes, members' own part, and the purge of an expired export.
import type { Db, Task } from '@shop/kit';
import { eraseMember, memberExport } from './member-part.js';
import { privacyPartDone, privacyTaskName, purgeExports, PURGE_EXPORT_TASK, type PrivacyDomain, type PrivacyTaskPayload } from './service.js';

/**
 * A domain's two privacy tasks from what it does for one member: `collect`
 * reads what it holds (export), `erase` anonymises it in the transaction that
 * then reports the part done. Both are idempotent, as retried jobs must be.
 */
export function privacyTasksOf(
  domain: PrivacyDomain,
  part: { collect(db: Db, memberId: string): Promise<unknown>; erase(tx: Db, memberId: string): Promise<void> },
): Record<string, Task> {
  return {
    [privacyTaskName(domain, 'EXPORT')]: async (payload, db) => {
      const { requestId, memberId } = payload as PrivacyTaskPayload;
      const data = await part.collect(db, memberId);
      await db.transaction((tx) => privacyPartDone(tx, requestId, domain, data));
    },
    [privacyTaskName(domain, 'ERASE')]: async (payload, db) => {
      const { requestId, memberId } = payload as PrivacyTaskPayload;
      await db.transaction(async (tx) => {
        await part.erase(tx, memberId);
        await privacyPartDone(tx, requestId, domain);
      });
    },
  };
}

/** Drops an export's data once its retention ended (run at its expiry). */
async function purgeTask(payload: unknown, db: Db): Promise<void> {
  const { requestId } = payload as { requestId: string };
  await db.transaction((tx) => purgeExports(tx, [requestId]));
}

export const privacyTasks: Record<string, Task> = {
  ...privacyTasksOf('members', { collect: memberExport, erase: eraseMember }),
  [PURGE_EXPORT_TASK]: purgeTask,
};
