import { BUILT_IN_ROLES, type Scope } from '../../schema/scopes.js';
import type { TestGateway } from './gateway.js';

/** One signed-in (or anonymous) caller of the gateway, with what the policy grants it. */
export interface Caller {
  name: string;
  principalKind: 'anonymous' | 'customer' | 'staff' | 'partner';
  scopes: Scope[];
  headers: Record<string, string>;
}

export const DEMO_PARTNER_KEY = 'spk_demo_partner_key_0000000000000000000000000';
export const DEMO_PARTNER_SCOPES: Scope[] = ['catalog:read', 'stock:read', 'orders:read', 'schema:read'];
export const DEMO_CUSTOMER = { email: 'member1@example.test', password: 'demo-customer-password' };

export async function staffLogin(gateway: TestGateway, email: string, password: string): Promise<string> {
  const { body } = await gateway.query(
    `mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token userErrors { code message } } }`,
    { input: { email, password } },
  );
  const token = body.data?.staffLogin?.token;
  if (!token) throw new Error(`staffLogin ${email} failed: ${JSON.stringify(body)}`);
  return token;
}

export async function customerLogin(gateway: TestGateway, email: string, password: string): Promise<string> {
  const { body } = await gateway.query(
    `mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token userErrors { code message } } }`,
    { input: { email, password } },
  );
  const token = body.data?.customerLogin?.token;
  if (!token) throw new Error(`customerLogin ${email} failed: ${JSON.stringify(body)}`);
  return token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Headers of the demo seed's staff member of a built-in role. */
export async function demoStaffHeaders(gateway: TestGateway, role: keyof typeof BUILT_IN_ROLES): Promise<Record<string, string>> {
  return bearer(await staffLogin(gateway, `${role}@shop.test`, `demo-${role}-password`));
}

/**
 * The callers of a marketing test (demo seed): marketing (marketing:write), an analyst (marketing:read only)
 * and the demo customer.
 */
export async function marketingCallers(gateway: TestGateway) {
  return {
    marketing: await demoStaffHeaders(gateway, 'marketing'),
    analyst: await demoStaffHeaders(gateway, 'analyst'),
    customer: bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)),
  };
}

/** Anonymous, one staff member per built-in role (the demo seed), the demo customer and the demo partner key. */
export async function signInAll(gateway: TestGateway): Promise<Caller[]> {
  const callers: Caller[] = [{ name: 'anonymous', principalKind: 'anonymous', scopes: [], headers: {} }];
  for (const [role, { scopes }] of Object.entries(BUILT_IN_ROLES)) {
    const token = await staffLogin(gateway, `${role}@shop.test`, `demo-${role}-password`);
    callers.push({ name: role, principalKind: 'staff', scopes, headers: bearer(token) });
  }
  const customer = await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
  callers.push({ name: 'customer', principalKind: 'customer', scopes: [], headers: bearer(customer) });
  callers.push({ name: 'partner', principalKind: 'partner', scopes: DEMO_PARTNER_SCOPES, headers: bearer(DEMO_PARTNER_KEY) });
  return callers;
}

/** Headers of a signed-in owner (every scope), for tests about data rather than permissions. */
export async function ownerHeaders(gateway: TestGateway): Promise<Record<string, string>> {
  return bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
}
