import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressOf } from '@shop/gateway/auth/principal';
import { createAccount, PASSWORD, THROTTLE } from '../../subgraphs/access/test/factories.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';

const SECRET = randomBytes(32).toString('base64url');

/** A request as node:http hands it to the gateway: a socket peer and headers. */
function requestFrom(peer: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

describe('the client address behind a request', () => {
  beforeAll(() => {
    process.env.CONSOLE_FORWARDING_SECRET = SECRET;
  });

  it('is the forwarded address only beside the console secret', () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.5' };
    expect(clientAddressOf(requestFrom('127.0.0.1', { ...forwarded, 'x-shop-console-secret': SECRET }))).toBe('203.0.113.5');
    expect(clientAddressOf(requestFrom('127.0.0.1', forwarded))).toBe('127.0.0.1');
    expect(clientAddressOf(requestFrom('127.0.0.1', { ...forwarded, 'x-shop-console-secret': `${SECRET}x` }))).toBe('127.0.0.1');
    expect(clientAddressOf(requestFrom('127.0.0.1', { ...forwarded, 'x-shop-console-secret': '' }))).toBe('127.0.0.1');
  });

  it('ignores a forwarded value that is not one IP address, and any forwarding when no secret is configured', () => {
    const withSecret = { 'x-shop-console-secret': SECRET };
    expect(clientAddressOf(requestFrom('10.1.1.1', { ...withSecret, 'x-forwarded-for': '1.2.3.4, 5.6.7.8' }))).toBe('10.1.1.1');
    expect(clientAddressOf(requestFrom('10.1.1.1', { ...withSecret, 'x-forwarded-for': 'somewhere' }))).toBe('10.1.1.1');
    expect(clientAddressOf(requestFrom('10.1.1.1', { ...withSecret, 'x-forwarded-for': '2001:db8::7' }))).toBe('2001:db8::7');
    delete process.env.CONSOLE_FORWARDING_SECRET;
    expect(clientAddressOf(requestFrom('10.1.1.1', { 'x-shop-console-secret': '', 'x-forwarded-for': '1.2.3.4' }))).toBe('10.1.1.1');
    process.env.CONSOLE_FORWARDING_SECRET = SECRET;
  });
});

describe.each(['in-process', 'distributed'] as const)('sign-ins through the console (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;

  beforeAll(async () => {
    process.env.CONSOLE_FORWARDING_SECRET = SECRET;
    database = await createTestDatabase();
    gateway = await startTestGateway(mode, database.db);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  const login = async (email: string, password: string, headers: Record<string, string>) => {
    const { body } = await gateway.query(
      `mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token userErrors { code } } }`,
      { input: { email, password } },
      headers,
    );
    return body.data.staffLogin as { token: string | null; userErrors: { code: string }[] };
  };
  const viaConsole = (address: string) => ({ 'x-shop-console-secret': SECRET, 'x-forwarded-for': address });

  it(`${THROTTLE.perAddress + 1} failures from one forwarded address do not lock out a colleague at another`, async () => {
    const colleague = await createAccount(database.db, ['analyst']);
    for (let i = 0; i <= THROTTLE.perAddress; i += 1) {
      await login(`nobody${i}@shop.test`, 'wrong wrong wrong', viaConsole('192.0.2.10'));
    }
    expect(await login(colleague.email, PASSWORD, viaConsole('192.0.2.10'))).toMatchObject({
      token: null,
      userErrors: [{ code: 'LOGIN_THROTTLED' }],
    });
    expect((await login(colleague.email, PASSWORD, viaConsole('192.0.2.11'))).token).toMatch(/^sst_/);
    const [row] = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from access.login_attempt where client_address = '192.0.2.10'`,
    );
    // The attempts the throttle refused unchecked are not failures: the lock is not extended.
    expect(row!.n).toBe(THROTTLE.perAddress);
  });

  it('a forwarded address without the console secret is not believed: the socket address is throttled', async () => {
    const account = await createAccount(database.db, ['analyst']);
    await login(account.email, 'wrong wrong wrong', { 'x-forwarded-for': '198.51.100.77' });
    await login(account.email, 'wrong wrong wrong', { 'x-forwarded-for': '198.51.100.78', 'x-shop-console-secret': 'guess' });
    const rows = await database.db.execute<{ client_address: string }>(
      sql`select client_address from access.login_attempt where email = ${account.email}`,
    );
    expect(rows.map((r) => r.client_address)).toEqual([expect.stringMatching(/127\.0\.0\.1/), expect.stringMatching(/127\.0\.0\.1/)]);
  });
});
