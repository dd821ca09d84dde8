import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';

/**
 * What every service and command takes as its first parameter: the pool or a
 * transaction opened on it. Both satisfy this type, so nested calls reuse `tx`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PostgresJsQueryResultHKT, any, any>;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Statements sent to PostgreSQL by this process. The test harness and the
 * benchmarks read it before and after a request to count statements per request.
 */
export const statementCounter = { count: 0 };

/** Opens a statement no request asked for (a timer's poll): the statement counter leaves it out. */
export const BACKGROUND_STATEMENT = '/* background */';

export function connect(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // postgres.js waits up to 20 s between reconnection attempts after repeated failures, and
    // queries wait for the next attempt: at most 1 s keeps a database outage a fast, retryable
    // error and lets the pool reconnect within a second of PostgreSQL's return.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    // Counting here covers drizzle and raw postgres.js alike.
    debug: (_connection: number, query: string) => {
      if (!query.startsWith(BACKGROUND_STATEMENT)) statementCounter.count += 1;
    },
    connection: { application_name: 'shop-graph' },
  });
  const db = drizzle(sql);
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/** Runs `fn` in one transaction; nested service calls receive the same `tx`. */
export function withTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx));
}
