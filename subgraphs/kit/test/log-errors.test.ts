import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { workerLogger } from '../src/jobs.js';
import { log, logSink } from '../src/log.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Log lines written while fn runs, at every level. */
async function captured(fn: () => Promise<void> | void): Promise<string> {
  const lines: string[] = [];
  const write = logSink.write;
  const level = log.level;
  logSink.write = (line) => void lines.push(line);
  log.level = 'trace';
  onTestFinished(() => {
    logSink.write = write;
    log.level = level;
  });
  await fn();
  logSink.write = write;
  log.level = level;
  return lines.join('');
}

/** The error a real statement raises on this PostgreSQL. */
async function failing(statement: ReturnType<typeof sql>): Promise<Error> {
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table canary_unique (value text unique) on commit drop`);
      await tx.execute(statement);
    });
  } catch (error) {
    return error as Error;
  }
  throw new Error('the statement did not fail');
}

describe('logged errors carry no SQL parameters or input values', () => {
  it.each([
    ['an invalid uuid (PostgreSQL quotes the value)', (c: string) => sql`select ${c}::uuid`, '22P02'],
    ['a unique violation (the detail names the value)', (c: string) => sql`insert into canary_unique values (${c}), (${c})`, '23505'],
    ['a NUL in text', (c: string) => sql`select ${`${c}\u0000`}::text`, '22021'],
  ])('%s: logged with { err } and as the first argument', async (_, statement, code) => {
    const canary = `canary-${randomUUID()}`;
    const error = await failing(statement(canary));
    expect(`${error.message} ${JSON.stringify(error.cause ?? null)} ${String((error.cause as Error | undefined)?.message)}`).toContain(canary.slice(0, 20));
    const text = await captured(() => {
      log.error({ err: error, requestId: 'r1' }, 'request failed');
      log.error(error);
      log.child({ requestId: 'r2' }).warn({ error }, 'worker job failed');
    });
    expect(text).not.toContain(canary);
    expect(text).toContain(code);
    expect(text).toContain('DrizzleQueryError');
    expect(text).toContain('Failed query');
    expect(text).not.toMatch(/select|insert into/i);
  });

  it('a GraphQL error echoing a rejected variable keeps its shape, not the value', async () => {
    const canary = `canary-${randomUUID()}`;
    const error = new GraphQLError(`Variable "$p" got invalid value { x: "${canary}" }; String cannot represent a non string value`, {
      originalError: new Error(`String cannot represent a non string value: "${canary}"`),
    });
    const text = await captured(() => log.error({ err: error }, 'operation failed'));
    expect(text).not.toContain(canary);
    expect(text).toContain('got invalid value');
  });

  it('a failed job is logged as the task that failed and the error code, without the message graphile-worker builds from it', async () => {
    const canary = `canary-${randomUUID()}`;
    const error = await failing(sql`select ${canary}::uuid`);
    const job = { id: '7', task_identifier: 'orders.notify', attempts: 1, max_attempts: 25, payload: { email: canary } };
    const text = await captured(() =>
      workerLogger.error(`Failed task 7 (orders.notify, 3.00ms, attempt 1 of 25) with error '${error.message}':\n  ${error.stack}`, {
        failure: true,
        job,
        error,
        duration: 3,
      } as never),
    );
    expect(text).not.toContain(canary);
    expect(text).toContain('Failed task 7 (orders.notify');
    expect(text).toContain('22P02');
  });

  it('variables, statement parameters and job payloads are never written', async () => {
    const canary = `canary-${randomUUID()}`;
    const text = await captured(() => {
      log.info({ variables: { p: canary } }, 'operation');
      log.info({ request: { variables: { p: canary } }, params: [canary], parameters: [canary] }, 'statement');
      log.info({ job: { id: '1', task_identifier: 'notify', payload: { email: canary } } }, 'job');
      log.info({ input: { password: canary, email: canary, phone: canary } }, 'input');
    });
    expect(text).not.toContain(canary);
    expect(text).toContain('notify');
  });
});
