import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { ANONYMOUS } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { OWNER_EMAIL, seed } from '../src/seed.js';
import { staffByIds, staffIdOf } from '../src/service.js';
import { staff } from '../src/tables.js';
import { insertStaff, makeStaff } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(staff);
});

test('an anonymous principal is no staff member', () => {
  expect(staffIdOf(ANONYMOUS)).toBeNull();
});

test('new staff default to English and enabled', async () => {
  const [row] = await insertStaff(database.db, [makeStaff()]);
  expect(row).toMatchObject({ locale: 'en', disabled: false });
});

test('two staff members cannot share an email address', async () => {
  await insertStaff(database.db, [makeStaff({ email: 'same@shop.test' })]);
  await expect(insertStaff(database.db, [makeStaff({ email: 'same@shop.test' })])).rejects.toMatchObject({
    cause: { constraint_name: 'staff_email_unique' },
  });
});

test('staffByIds returns the rows asked for and ignores malformed ids', async () => {
  const [a, , c] = await insertStaff(database.db, [makeStaff(), makeStaff(), makeStaff()]);
  const rows = await staffByIds(database.db, [a!.id, c!.id, 'not-a-uuid']);
  expect(rows.map((r) => r.id).sort()).toEqual([a!.id, c!.id].sort());
});

test('seed writes the shop owner, whatever the plan holds', async () => {
  await database.db.transaction((tx) => seed(tx, {} as DemoPlan));
  expect(await database.db.select().from(staff)).toMatchObject([
    { email: OWNER_EMAIL, displayName: 'Shop Owner', locale: 'en', disabled: false },
  ]);
});
