import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';

/** Jobs waiting in graphile-worker for `task` (with `key`, when given), oldest first, payload included (the public view leaves it out). */
export async function queuedJobs(db: Db, task: string, key?: string): Promise<{ key: string | null; payload: unknown }[]> {
  return db.execute<{ key: string | null; payload: unknown }>(sql`
    select j.key, j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task} and (${key ?? null}::text is null or j.key = ${key ?? null}) order by j.id`);
}
