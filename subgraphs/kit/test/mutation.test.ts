import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import type { ChangeRecord } from '../src/context.js';
import type { Db } from '../src/db.js';
import { mutate } from '../src/mutation.js';
import { fail, ok } from '../src/result.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table mutation_canary (id int primary key, n int not null)`);
  await database.db.execute(sql`insert into mutation_canary values (1, 0), (2, 0)`);
});
afterAll(() => database.close());

/** What one request sees: its pool and the change list its audit row is written from. */
const request = () => ({ db: database.db, changes: [] as ChangeRecord[] });

async function counter(id: number): Promise<number> {
  const [row] = await database.db.execute<{ n: number }>(sql`select n from mutation_canary where id = ${id}`);
  return row!.n;
}

/** Adds one to a canary row and records it, as a service's update would. */
async function bump(tx: Db, id: number, changes: ChangeRecord[]) {
  const [row] = await tx.execute<{ n: number }>(sql`update mutation_canary set n = n + 1 where id = ${id} returning n`);
  changes.push({ entity: 'Canary', id: String(id), before: { n: row!.n - 1 }, after: { n: row!.n } });
  return row!.n;
}

describe('mutate', () => {
  it('publishes a committed attempt’s change records to the request once', async () => {
    const req = request();
    const result = await mutate(req, async (tx, changes) => ok(await bump(tx, 1, changes)));
    expect(result.ok).toBe(true);
    expect(req.changes).toHaveLength(1);
  });

  it('records a deadlocked and retried attempt once, with its write applied once', async () => {
    const [one, two] = [request(), request()];
    const before = [await counter(1), await counter(2)];
    // Each request locks one row, waits until the other holds its row, then wants the other's:
    // PostgreSQL aborts one with a deadlock (40P01), and mutate runs that one again.
    let holding = 0;
    let release!: () => void;
    const bothHold = new Promise<void>((resolve) => (release = resolve));
    let attempts = 0;
    const crossing = (first: number, second: number) => async (tx: Db, changes: ChangeRecord[]) => {
      attempts += 1;
      await bump(tx, first, changes);
      if (++holding === 2) release();
      await bothHold;
      await bump(tx, second, changes);
      return ok(null);
    };
    const results = await Promise.all([mutate(one, crossing(1, 2)), mutate(two, crossing(2, 1))]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(attempts).toBe(3);
    expect(one.changes).toHaveLength(2);
    expect(two.changes).toHaveLength(2);
    expect([await counter(1), await counter(2)]).toEqual([before[0]! + 2, before[1]! + 2]);
  });

  it('records a serialization failure’s retry once', async () => {
    const req = request();
    const before = await counter(1);
    let attempts = 0;
    const result = await mutate(req, async (tx, changes) => {
      await bump(tx, 1, changes);
      if (++attempts === 1) {
        await tx.execute(sql`do $$ begin raise exception 'conflict' using errcode = 'serialization_failure'; end $$`);
      }
      return ok(null);
    });
    expect(result.ok).toBe(true);
    expect(attempts).toBe(2);
    expect(req.changes).toHaveLength(1);
    expect(await counter(1)).toBe(before + 1);
  });

  it('records nothing for an attempt rolled back on userErrors, and writes nothing', async () => {
    const req = request();
    const before = await counter(1);
    const result = await mutate(req, async (tx, changes) => {
      await bump(tx, 1, changes);
      return fail('INVALID', 'Refused after the write.');
    });
    expect(result).toEqual({ ok: false, errors: [{ field: null, code: 'INVALID', message: 'Refused after the write.' }] });
    expect(req.changes).toEqual([]);
    expect(await counter(1)).toBe(before);
  });

  it('records nothing when the mutation throws', async () => {
    const req = request();
    const before = await counter(1);
    await expect(
      mutate(req, async (tx, changes) => {
        await bump(tx, 1, changes);
        throw new Error('fault after the write');
      }),
    ).rejects.toThrow('fault after the write');
    expect(req.changes).toEqual([]);
    expect(await counter(1)).toBe(before);
  });

  it('runs on a bare pool, where no request keeps the records', async () => {
    const before = await counter(2);
    const result = await mutate(database.db, async (tx, changes) => ok(await bump(tx, 2, changes)));
    expect(result).toEqual({ ok: true, value: before + 1 });
  });
});
