// Products' privacy tasks, enqueued by members: export or erase the member's reviews, then report the part done.
import { privacyPartDone, privacyTaskName, type PrivacyTaskPayload } from '@shop/members/commands';
import type { Db, Task } from '@shop/kit';
import { eraseMemberReviews, memberReviewsExport } from './service.js';

export const privacyTasks: Record<string, Task> = {
  [privacyTaskName('products', 'EXPORT')]: async (payload: unknown, db: Db) => {
    const { requestId, memberId } = payload as PrivacyTaskPayload;
    const data = await memberReviewsExport(db, memberId);
    await db.transaction((tx) => privacyPartDone(tx, requestId, 'products', data));
  },
  [privacyTaskName('products', 'ERASE')]: async (payload: unknown, db: Db) => {
    const { requestId, memberId } = payload as PrivacyTaskPayload;
    await db.transaction(async (tx) => {
      await eraseMemberReviews(tx, memberId);
      await privacyPartDone(tx, requestId, 'products');
    });
  },
};
