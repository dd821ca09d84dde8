// Coupons' group-buy tasks: a group's own expiry at its deadline, and the sweep on a clock.
import { log, type Db, type Task } from '@shop/kit';
import { scheduledAt } from '@shop/kit/jobs';
import { dueGroupIds, expireGroup, GROUP_BUY_EXPIRE_TASK, GROUP_BUY_SWEEP_TASK } from './places.js';

/** The coupons.groupBuyExpire task: fails the group when its time is up (a no-op for a group that filled or already failed). */
export async function groupBuyExpireTask(payload: unknown, db: Db, now: Date = new Date()): Promise<void> {
  const { groupId } = (payload ?? {}) as { groupId?: unknown };
  if (typeof groupId !== 'string') {
    log.error({ task: GROUP_BUY_EXPIRE_TASK }, 'group-buy expiry job with a malformed payload dropped');
    return;
  }
  await db.transaction((tx) => expireGroup(tx, groupId, now));
}

/**
 * The sweep: every open group past its deadline fails, one transaction each,
 * so one group's trouble never holds back the others. Returns how many failed.
 */
export async function expireDueGroups(db: Db, now: Date): Promise<number> {
  let failed = 0;
  for (const groupId of await dueGroupIds(db, now)) {
    if (await db.transaction((tx) => expireGroup(tx, groupId, now))) failed += 1;
  }
  return failed;
}

export const groupBuyTasks: Record<string, Task> = {
  [GROUP_BUY_EXPIRE_TASK]: (payload, db) => groupBuyExpireTask(payload, db),
  [GROUP_BUY_SWEEP_TASK]: async (payload, db) => {
    const failed = await expireDueGroups(db, scheduledAt(payload));
    if (failed) log.info({ task: GROUP_BUY_SWEEP_TASK, failed }, 'overdue group buys failed');
  },
};

/** Every five minutes: a lost or late expiry job delays a group's end by at most that. */
export const groupBuySchedules = [{ task: GROUP_BUY_SWEEP_TASK, cron: '*/5 * * * *' }];
