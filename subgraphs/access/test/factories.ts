import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { graphql } from 'graphql';
import { log, type Db, type Principal } from '@shop/kit';
import { ALL_SCOPES } from '../../../schema/scopes.js';
import { authenticate } from '../src/commands.js';
import { access } from '../src/index.js';
import { staffCreate } from '../src/staff/index.js';
import { staffLogin } from '../src/sessions/index.js';

// The sign-in throttle's limits, for tests outside the domain that count attempts.
export { THROTTLE } from '../src/sessions/index.js';
import { staff } from '../src/tables.js';

type StaffInsert = typeof staff.$inferInsert;
export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

let sequence = 0;

/** A valid staff row with a unique email (no password: it cannot sign in). */
export function makeStaff(overrides: Partial<StaffInsert> = {}): StaffInsert {
  sequence += 1;
  return { id: randomUUID(), email: `staff${sequence}@shop.test`, displayName: `Staff ${sequence}`, ...overrides };
}

export async function insertStaff(db: Db, rows: StaffInsert[]) {
  return db.insert(staff).values(rows).returning();
}

/** An owner acting without a session: enough for services that only read the actor's roles. */
export const OWNER_ACTOR: StaffPrincipal = {
  kind: 'staff',
  staffId: randomUUID(),
  sessionId: randomUUID(),
  roles: ['owner'],
  scopes: [...ALL_SCOPES],
  stepUpUntil: null,
};

export const PASSWORD = 'correct horse battery staple';

/** A staff account created through the service, with PASSWORD and the given roles. */
export async function createAccount(db: Db, roles: string[] = [], overrides: { email?: string; password?: string } = {}) {
  sequence += 1;
  const result = await db.transaction((tx) =>
    staffCreate(tx, OWNER_ACTOR, {
      email: overrides.email ?? `account${sequence}@shop.test`,
      displayName: `Account ${sequence}`,
      password: overrides.password ?? PASSWORD,
      roles,
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** Signs in through staffLogin and authenticates the token, as the gateway does. */
export async function signIn(db: Db, email: string, password = PASSWORD) {
  const result = await staffLogin(db, { email, password }, '127.0.0.1');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const principal = (await authenticate(db, result.value.token)) as StaffPrincipal;
  return { token: result.value.token, principal };
}

/** Runs an operation on the access subgraph as `principal`. */
export function executeAs(db: Db, principal: Principal, source: string, variableValues?: Record<string, unknown>) {
  return graphql({
    schema: access.schema,
    source,
    variableValues,
    contextValue: access.createContext({ db, principal, requestId: 'test', log, clientAddress: '127.0.0.1', changes: [] }),
  });
}

/** Every row of every table in the access schema as JSON text, table by table. */
export async function dumpAccess(db: Db, except: string[] = []): Promise<Record<string, string[]>> {
  const tables = await db.execute<{ name: string }>(sql`
    select tablename as name from pg_tables
    where schemaname = 'access' and tablename <> '__drizzle_migrations' order by tablename`);
  const dump: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const rows = await db.execute<{ row: string }>(
      sql.raw(`select to_jsonb(t)::text as row from access."${name}" t order by 1`),
    );
    dump[name] = rows.map((r) => r.row);
  }
  return dump;
}
