import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import {
  appendAudit,
  auditHash,
  canonicalJson,
  GENESIS_HASH,
  REDACTED,
  redact,
  verifyAuditChain,
  type AuditEntryInput,
} from '../src/audit/service.js';
import { auditLog } from '../src/audit/tables.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
});
afterAll(() => database.close());
// The log refuses TRUNCATE from the application; the superuser switches the trigger off between tests.
beforeEach(() => asSuperuser(sql`truncate access.audit_log restart identity`));

/** Runs a statement with the append-only trigger switched off, as an attacker holding the superuser would. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table access.audit_log disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table access.audit_log enable trigger user`);
  });
}

function entry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    principalKind: 'STAFF',
    actorId: '00000000-0000-4000-8000-0000000000aa',
    operationName: 'ProductUpdate',
    rootFields: ['productUpdate'],
    arguments: { productUpdate: { input: { id: 'p1', title: 'ชาไทย 泰式奶茶 شاي' } } },
    outcome: 'SUCCESS',
    errorCodes: [],
    clientAddress: '203.0.113.7',
    userAgent: 'vitest',
    requestId: 'req-1',
    ...overrides,
  };
}

const rows = () => database.db.select().from(auditLog).orderBy(auditLog.id);

async function appendMany(n: number) {
  for (let i = 0; i < n; i += 1) await appendAudit(database.db, entry({ requestId: `req-${i}` }));
  return rows();
}

describe('appendAudit', () => {
  test('chains each row to the one before, starting from the genesis hash', async () => {
    const [first, second] = await appendMany(2);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(second!.prevHash).toBe(first!.hash);
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.hash).toBe(auditHash(first!));
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 2 });
  });

  test('the hash is sha256 over the canonical JSON of the content and prev_hash', async () => {
    const [row] = await appendMany(1);
    const { id: _id, hash, ...content } = row!;
    const canonical = canonicalJson({ ...content, at: row!.at.toISOString() });
    expect(hash).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  test('records every field of the entry', async () => {
    await appendAudit(
      database.db,
      entry({ outcome: 'USER_ERROR', errorCodes: ['NOT_FOUND'], changes: { title: { before: 'a', after: 'b' } } }),
    );
    const [row] = await rows();
    expect(row).toMatchObject({
      principalKind: 'STAFF',
      actorId: '00000000-0000-4000-8000-0000000000aa',
      operationName: 'ProductUpdate',
      rootFields: ['productUpdate'],
      variables: { productUpdate: { input: { id: 'p1', title: 'ชาไทย 泰式奶茶 شاي' } } },
      outcome: 'USER_ERROR',
      errorCodes: ['NOT_FOUND'],
      changes: { title: { before: 'a', after: 'b' } },
      clientAddress: '203.0.113.7',
      userAgent: 'vitest',
      requestId: 'req-1',
    });
    expect(Math.abs(row!.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test('redacts keys naming secrets and contact data at any depth below the root fields, in arguments and changes', async () => {
    const canaries = ['canary-password', 'canary@example.test', '+66 81 000 0000', 'cst_canary', 'Sukhumvit 1'];
    await appendAudit(
      database.db,
      entry({
        arguments: {
          cartSetAddress: {
            input: {
              email: canaries[1],
              password: canaries[0],
              profile: [{ phoneNumber: canaries[2], note: 'kept' }],
              shippingAddress: { line1: canaries[4] },
            },
            stepUpToken: canaries[3],
          },
        },
        changes: { email: { before: canaries[1], after: 'x' }, displayName: { before: 'A', after: 'B' } },
      }),
    );
    const [row] = await rows();
    // The root field's own name (it says "address") is a schema name, not data: kept.
    expect(row!.variables).toEqual({
      cartSetAddress: {
        input: { email: REDACTED, password: REDACTED, profile: [{ phoneNumber: REDACTED, note: 'kept' }], shippingAddress: REDACTED },
        stepUpToken: REDACTED,
      },
    });
    expect(row!.changes).toEqual({ email: REDACTED, displayName: { before: 'A', after: 'B' } });
    const [dump] = await database.db.execute<{ text: string }>(sql`select t::text as text from access.audit_log t`);
    for (const canary of canaries) expect(dump!.text).not.toContain(canary);
  });

  test('change records lose the values of record fields marked sensitive, before and after', async () => {
    const canaries = ['Canary Contact', 'Canary Name'];
    await appendAudit(
      database.db,
      entry({
        changes: [
          { entity: 'Supplier', id: 's1', before: { contactName: canaries[0], leadTimeDays: 3 }, after: { contactName: 'B', leadTimeDays: 5 } },
          { entity: 'Staff', id: 'u1', before: { displayName: canaries[1], roles: ['analyst'] }, after: { displayName: 'C', roles: [] } },
        ],
      }),
    );
    const [row] = await rows();
    expect(row!.changes).toEqual([
      { entity: 'Supplier', id: 's1', before: { contactName: REDACTED, leadTimeDays: 3 }, after: { contactName: REDACTED, leadTimeDays: 5 } },
      { entity: 'Staff', id: 'u1', before: { displayName: REDACTED, roles: ['analyst'] }, after: { displayName: REDACTED, roles: [] } },
    ]);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 1 });
  });

  test('an entry without changes stores SQL null, not JSON null', async () => {
    await appendAudit(database.db, entry());
    const [row] = await database.db.execute<{ is_null: boolean }>(sql`select changes is null as is_null from access.audit_log`);
    expect(row!.is_null).toBe(true);
  });

  test('strings PostgreSQL cannot hold as given (NUL, lone surrogates) are stored as hashed', async () => {
    await appendAudit(
      database.db,
      entry({ arguments: { orderNoteAdd: { note: 'a\u0000b \ud800 😀 ไทย', ['k\u0000']: 1 } }, userAgent: 'agent\ud83d', requestId: 'r\u0000' }),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 1 });
  });

  test('redact turns dates, bigints and undefined into JSON and cuts very deep nesting', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    const out = redact({ when: new Date('2026-01-02T03:04:05.000Z'), big: 12n, gone: undefined, deep }) as Record<string, unknown>;
    expect(out).toMatchObject({ when: '2026-01-02T03:04:05.000Z', big: '12' });
    expect(out).not.toHaveProperty('gone');
    expect(JSON.stringify(out.deep)).toContain('[TOO DEEP]');
  });

  test('50 concurrent appends form one unbroken chain in id order', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(database.db, entry({ requestId: `concurrent-${i}` }))));
    const all = await rows();
    expect(all).toHaveLength(50);
    expect(new Set(all.map((r) => r.prevHash)).size).toBe(50);
    expect(all.every((row, i) => i === 0 || row.at.getTime() >= all[i - 1]!.at.getTime())).toBe(true);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 50 });
  });

  test('an append inside a caller transaction that rolls back leaves no row and no break', async () => {
    await appendMany(2);
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, entry({ requestId: 'rolled-back' }));
        throw new Error('the business write failed');
      }),
    ).rejects.toThrow('the business write failed');
    await appendAudit(database.db, entry({ requestId: 'after' }));
    expect((await rows()).map((r) => r.requestId)).toEqual(['req-0', 'req-1', 'after']);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 3 });
  });

  test('concurrent appends through caller transactions and the pool still chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? appendAudit(database.db, entry({ requestId: `pool-${i}` }))
          : database.db.transaction((tx) => appendAudit(tx, entry({ requestId: `tx-${i}` }))),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 20 });
  });
});

describe('append-only', () => {
  test.each([
    ['UPDATE', sql`update access.audit_log set outcome = 'SUCCESS'`],
    ['DELETE', sql`delete from access.audit_log`],
    ['TRUNCATE', sql`truncate access.audit_log`],
  ])('%s is refused, even by the superuser while the trigger is on', async (operation, statement) => {
    await appendMany(1);
    await expect(database.db.execute(statement)).rejects.toMatchObject({
      cause: { code: '42501', message: `access.audit_log is append-only: ${operation} is not allowed` },
    });
    expect(await rows()).toHaveLength(1);
  });
});

describe('verifyAuditChain', () => {
  test('an empty log verifies', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 0 });
  });

  test('names a row whose content was changed behind the trigger', async () => {
    const all = await appendMany(5);
    const target = all[2]!;
    await asSuperuser(sql`update access.audit_log set outcome = 'FORBIDDEN' where id = ${target.id}`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, rows: 2, firstBrokenId: String(target.id) });
    expect(!result.ok && result.reason).toMatch(/content was changed/);
  });

  test('names the row after a deleted middle row', async () => {
    const all = await appendMany(5);
    await asSuperuser(sql`delete from access.audit_log where id = ${all[2]!.id}`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, rows: 2, firstBrokenId: String(all[3]!.id) });
    expect(!result.ok && result.reason).toMatch(/deleted/);
  });

  test('a row rewritten with a recomputed hash still breaks the link of the row after it', async () => {
    const all = await appendMany(4);
    const target = all[1]!;
    const forged = auditHash({ ...target, actorId: 'someone-else' });
    await asSuperuser(sql`update access.audit_log set actor_id = 'someone-else', hash = ${forged} where id = ${target.id}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: String(all[2]!.id) });
  });

  test('deleting the first rows is detected at the new first row', async () => {
    const all = await appendMany(3);
    await asSuperuser(sql`delete from access.audit_log where id = ${all[0]!.id}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, rows: 0, firstBrokenId: String(all[1]!.id) });
  });

  test('walks logs longer than one batch', async () => {
    const values = [];
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 2500; i += 1) {
      const fields = {
        at: new Date(Date.UTC(2026, 0, 1) + i), principalKind: 'ANONYMOUS', actorId: null, operationName: null,
        rootFields: ['customerLogin'], variables: {}, outcome: 'USER_ERROR' as const, errorCodes: ['INVALID_CREDENTIALS'],
        changes: null, clientAddress: null, userAgent: null, requestId: `bulk-${i}`, prevHash,
      };
      prevHash = auditHash(fields);
      values.push({ ...fields, hash: prevHash });
    }
    await database.db.insert(auditLog).values(values);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 2500 });
    await asSuperuser(sql`update access.audit_log set request_id = 'x' where request_id = 'bulk-2100'`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, rows: 2100 });
  });
});
