// Orders' privacy tasks, enqueued by members (which may not import orders): export or erase, then report the part done.
import { privacyPartDone, privacyTaskName, type PrivacyTaskPayload } from '@shop/members/commands';
import type { Db, Task } from '@shop/kit';
import { eraseMemberOrders, memberOrdersExport } from './service.js';

export const privacyTasks: Record<string, Task> = {
  [privacyTaskName('orders', 'EXPORT')]: async (payload: unknown, db: Db) => {
    const { requestId, memberId } = payload as PrivacyTaskPayload;
    const data = await memberOrdersExport(db, memberId);
    await db.transaction((tx) => privacyPartDone(tx, requestId, 'orders', data));
  },
  [privacyTaskName('orders', 'ERASE')]: async (payload: unknown, db: Db) => {
    const { requestId, memberId } = payload as PrivacyTaskPayload;
    await db.transaction(async (tx) => {
      await eraseMemberOrders(tx, memberId);
      await privacyPartDone(tx, requestId, 'orders');
    });
  },
};
