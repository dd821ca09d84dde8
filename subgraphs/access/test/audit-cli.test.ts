import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { appendAudit } from '../src/audit/service.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const requestId of ['a', 'b', 'c']) {
    await appendAudit(database.db, {
      principalKind: 'ANONYMOUS', actorId: null, operationName: null, rootFields: ['customerLogin'],
      arguments: { customerLogin: { input: { email: '[REDACTED]', password: '[REDACTED]' } } }, outcome: 'USER_ERROR', errorCodes: ['INVALID_CREDENTIALS'], requestId,
    });
  }
});
afterAll(() => database.close());

/** Runs `pnpm audit:verify` (the script's command) against the test database. */
async function auditVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'gateway/src/audit-verify.ts'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

test('pnpm audit:verify reports an intact chain and exits 0', async () => {
  const result = await auditVerify();
  expect(result).toMatchObject({ code: 0, stdout: 'audit log intact: 3 rows, hash chain verified\n' });
});

test('pnpm audit:verify names the changed row and exits 1', async () => {
  const [row] = await database.db.execute<{ id: string }>(sql`select id::text from access.audit_log order by id offset 1 limit 1`);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table access.audit_log disable trigger user`);
    await tx.execute(sql`update access.audit_log set outcome = 'SUCCESS' where id = ${row!.id}`);
    await tx.execute(sql`alter table access.audit_log enable trigger user`);
  });
  const result = await auditVerify();
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`audit log BROKEN at row ${row!.id}: row ${row!.id} does not match its hash`);
});
