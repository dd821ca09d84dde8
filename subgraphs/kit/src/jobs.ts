import { sql } from 'drizzle-orm';
import { Logger, parseCronItems, run, runMigrations, type Runner, type TaskList } from 'graphile-worker';
import type { Db } from './db.js';
import { log } from './log.js';
import { watchShopSettings } from './shop-settings.js';
import type { SubgraphModule } from './subgraph.js';

/**
 * Adds a job in the caller's transaction (transactional outbox): the job exists
 * exactly when the business write commits. `jobKey` deduplicates pending jobs;
 * `jobKeyMode: 'preserve_run_at'` keeps the pending job's time, so a steady
 * stream of writes cannot keep postponing a debounced job (graphile-worker's
 * default, 'replace', moves it to the newest runAt).
 */
export async function enqueue(
  tx: Db,
  task: string,
  payload: Record<string, unknown>,
  options: { jobKey?: string; runAt?: Date; jobKeyMode?: 'replace' | 'preserve_run_at' } = {},
): Promise<void> {
  await tx.execute(
    sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json,
        run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
        job_key => ${options.jobKey ?? null},
        job_key_mode => ${options.jobKeyMode ?? 'replace'})`,
  );
}

/** When a scheduled job was due (graphile-worker's `_cron.ts`); now for a job queued any other way. */
export function scheduledAt(payload: unknown): Date {
  const ts = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts;
  return ts ? new Date(ts) : new Date();
}

/** graphile-worker's messages as JSON log lines like everything else. */
export const workerLogger = new Logger((scope) => (level, message, meta) => {
  // 57P01: the server is shutting down (Ctrl-C reaches PostgreSQL too); not a fault.
  const shutdown = (meta as { error?: { code?: string } } | undefined)?.error?.code === '57P01';
  const method = shutdown || level === 'debug' ? 'debug' : level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'info';
  // A failure's text repeats the error's message and stack (SQL parameters included); the error itself is logged by the serializer.
  const failed = meta !== undefined && ('error' in meta || 'fatalError' in meta);
  log[method]({ worker: scope, ...meta }, failed ? message.split(/ with error '|\n/)[0]! : message);
});

/** Creates or upgrades the graphile_worker schema. */
export function migrateJobs(connectionString: string): Promise<void> {
  return runMigrations({ connectionString, logger: workerLogger });
}

/**
 * Each domain's schedules as graphile-worker cron items. The identifier is the
 * task name: graphile remembers when each last ran, so copies of the worker
 * queue one job per tick between them, and a restart does not run it twice.
 */
export function cronItemsOf(modules: SubgraphModule[]) {
  return parseCronItems(
    modules.flatMap((module) =>
      module.schedules.map((schedule) => {
        if (!module.tasks[schedule.task]) throw new Error(`${module.name} schedules ${schedule.task}, which is not one of its tasks`);
        return { task: schedule.task, match: schedule.cron, identifier: schedule.task };
      }),
    ),
  );
}

/** Starts the worker with every domain's tasks and schedules. Tasks get the shared pool, not the worker's client. */
export async function startWorker(
  connectionString: string,
  db: Db,
  modules: SubgraphModule[],
  options: { concurrency?: number; pollInterval?: number } = {},
): Promise<Runner> {
  // Tasks count shop days in the shop's current zone; cron patterns take the zone at this start.
  await watchShopSettings(db);
  const taskList: TaskList = {};
  for (const module of modules) {
    for (const [name, task] of Object.entries(module.tasks)) {
      taskList[name] = async (payload) => task(payload, db);
    }
  }
  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    parsedCronItems: cronItemsOf(modules),
    logger: workerLogger,
    taskList,
  });
  log.info({ tasks: Object.keys(taskList) }, 'job worker started');
  return runner;
}
