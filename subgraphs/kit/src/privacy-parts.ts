// A member's privacy request crosses domains: members owns the request; every domain holding member data does its
// part (export or erase) in a task and reports the part done. Domains report through this port, which members fills
// when its module loads, so that a domain members itself reads (products) never imports members back.
import type { Db } from './db.js';
import type { Task } from './subgraph.js';

export type PrivacyRequestKind = 'EXPORT' | 'ERASE';

/** What every privacy task receives: ids only, never the data. */
export interface PrivacyTaskPayload {
  requestId: string;
  memberId: string;
}

/** Records a domain's part of a request as done, with the exported data; in the caller's transaction. */
export type PrivacyPartReport = (tx: Db, requestId: string, domain: string, data?: unknown) => Promise<void>;

let report: PrivacyPartReport | null = null;

/** Members hands in how parts are recorded (once, as its module loads). */
export function reportPrivacyPartsWith(fn: PrivacyPartReport): void {
  report = fn;
}

function reportPart(tx: Db, requestId: string, domain: string, data?: unknown): Promise<void> {
  if (!report) throw new Error('privacy parts cannot be reported: the members module is not loaded');
  return report(tx, requestId, domain, data);
}

export const privacyTaskName = (domain: string, kind: PrivacyRequestKind) =>
  `${domain}.${kind === 'EXPORT' ? 'privacyExport' : 'privacyErase'}`;

/**
 * A domain's two privacy tasks from what it does for one member: `collect`
 * reads what it holds (export), `erase` anonymises it in the transaction that
 * then reports the part done. Both are idempotent, as retried jobs must be.
 */
export function privacyTasksOf(
  domain: string,
  part: { collect(db: Db, memberId: string): Promise<unknown>; erase(tx: Db, memberId: string): Promise<void> },
): Record<string, Task> {
  return {
    [privacyTaskName(domain, 'EXPORT')]: async (payload, db) => {
      const { requestId, memberId } = payload as PrivacyTaskPayload;
      const data = await part.collect(db, memberId);
      await db.transaction((tx) => reportPart(tx, requestId, domain, data));
    },
    [privacyTaskName(domain, 'ERASE')]: async (payload, db) => {
      const { requestId, memberId } = payload as PrivacyTaskPayload;
      await db.transaction(async (tx) => {
        await part.erase(tx, memberId);
        await reportPart(tx, requestId, domain);
      });
    },
  };
}
