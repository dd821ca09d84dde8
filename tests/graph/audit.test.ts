import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  assertObjectType,
  buildSchema,
  getNamedType,
  getNullableType,
  type GraphQLInputType,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { log, logSink, SCHEMA_DIR } from '@shop/kit';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { sampleInput } from '../kit/sample-input.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));

const sample = (type: GraphQLInputType) => sampleInput(type, { prefix: 'audit', dateTime: () => new Date().toISOString() });

const auditRows = async (db: TestDatabase) =>
  (await db.db.execute<{ n: number }>(sql`select count(*)::int as n from access.audit_log`))[0]!.n;

describe.each(['in-process', 'distributed'] as const)('audit log (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    const token = await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password');
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password: 'demo-owner-password' } },
      { authorization: `Bearer ${token}` },
    );
    headers = { authorization: `Bearer ${token}`, 'x-step-up': body.data.stepUpConfirm.stepUpToken };
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  const mutations = Object.values(api.getMutationType()!.getFields()).filter((f) => f.name !== 'staffLogout');

  it.each(mutations.map((m) => [m.name, m] as const))('%s appends exactly one audit row', async (_, field) => {
    const input = field.args.find((a) => a.name === 'input')!;
    const payload = getNamedType(getNullableType(field.type));
    const selection = 'userErrors' in assertObjectType(payload).getFields() ? '{ userErrors { code } }' : '{ __typename }';
    const before = await auditRows(database);
    await gateway.query(
      `mutation Audited($input: ${String(input.type)}) { ${field.name}(input: $input) ${selection} }`,
      { input: sample(input.type) },
      headers,
    );
    expect(await auditRows(database)).toBe(before + 1);
  });

  it('a mutation refused by the policy is audited as FORBIDDEN with the caller and its address', async () => {
    await gateway.query(`mutation Denied { apiKeyRevoke(input: { id: "${randomUUID()}" }) { userErrors { code } } }`);
    const [row] = await database.db.execute<Record<string, unknown>>(
      sql`select principal_kind, outcome, operation_name, root_fields, client_address from access.audit_log order by id desc limit 1`,
    );
    expect(row).toMatchObject({ principal_kind: 'ANONYMOUS', outcome: 'FORBIDDEN', operation_name: 'Denied', root_fields: ['apiKeyRevoke'] });
    expect(row!.client_address).toMatch(/127\.0\.0\.1/);
  });

  it('a role change records the before and after of the changed fields only', async () => {
    const { body: found } = await gateway.query(`{ staff(first: 1, filter: { query: "analyst@" }) { edges { node { id } } } }`, {}, headers);
    const id = found.data.staff.edges[0].node.id;
    const { body } = await gateway.query(
      `mutation RoleChange($input: StaffUpdateInput!) { staffUpdate(input: $input) { staff { id } userErrors { code } } }`,
      { input: { id, roles: ['analyst', 'marketing'], locale: 'en' } },
      headers,
    );
    expect(body.data.staffUpdate.userErrors).toEqual([]);
    const [row] = await database.db.execute<{ changes: unknown }>(
      sql`select changes from access.audit_log where operation_name = 'RoleChange' order by id desc limit 1`,
    );
    expect(row!.changes).toEqual([
      { entity: 'Staff', id, before: { roles: ['analyst'] }, after: { roles: ['analyst', 'marketing'] } },
    ]);
  });

  it('secrets and personal data never reach the audit log or the logs (canaries)', async () => {
    const logged: string[] = [];
    const write = logSink.write;
    const level = log.level;
    logSink.write = (line) => void logged.push(line);
    log.level = 'trace';
    onTestFinished(() => {
      logSink.write = write;
      log.level = level;
    });
    const canaryPassword = `Canary-Password-${randomUUID()}`;
    const canaryEmail = `canary-${randomUUID()}@shop.test`;
    await gateway.query(
      `mutation ($input: StaffCreateInput!) { staffCreate(input: $input) { staff { id } userErrors { code } } }`,
      { input: { email: canaryEmail, displayName: 'Canary', password: canaryPassword, roles: ['analyst'] } },
      headers,
    );
    await gateway.query(
      `mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token } }`,
      { input: { email: canaryEmail, password: canaryPassword } },
    );
    const { body } = await gateway.query(
      `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret } }`,
      { input: { name: 'canary key', scopes: ['catalog:read'] } },
      headers,
    );
    const secret = body.data.apiKeyCreate.secret as string;
    expect(secret).toMatch(/^spk_/);
    const [dump] = await database.db.execute<{ text: string }>(sql`select coalesce(string_agg(t::text, ' '), '') as text from access.audit_log t`);
    expect(logged.length).toBeGreaterThan(0);
    for (const canary of [canaryPassword, canaryEmail, secret]) {
      expect(dump!.text).not.toContain(canary);
      expect(logged.join('')).not.toContain(canary);
    }
  });

  // Last: it ends the session the other cases use.
  it('staffLogout appends exactly one audit row, and the ended session is refused at once', async () => {
    const before = await auditRows(database);
    const { body } = await gateway.query(`mutation { staffLogout(input: {}) { endedSessions } }`, {}, headers);
    expect(body.data.staffLogout.endedSessions).toBe(1);
    expect(await auditRows(database)).toBe(before + 1);
    const after = await gateway.query(`{ me { id } }`, {}, headers);
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
