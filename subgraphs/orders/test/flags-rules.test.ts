import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { graphql } from 'graphql';
import { log, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { evaluateFlags, flaggedCondition, isOnHold } from '../src/flags/index.js';
import { flagRule, orderFlag } from '../src/flags/tables.js';
import { orders } from '../src/index.js';
import { systemActor } from '../src/history/index.js';
import { transitionOrder } from '../src/lifecycle/index.js';
import { order, orderHistory, type OrderRow } from '../src/tables.js';
import { dataOf } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
// Every test starts from the default rules.
beforeEach(async () => {
  await database.db.delete(flagRule);
});

/** A complete, ordinary order unless overridden: 1,000.00 THB to a unique address and phone. */
async function makeOrder(overrides: Partial<typeof order.$inferInsert> = {}): Promise<OrderRow> {
  const n = ++sequence;
  const [row] = await database.db
    .insert(order)
    .values({
      number: `SO-FLAG-${n}-${randomUUID().slice(0, 6)}`,
      channel: 'ONLINE_STORE',
      totalMinor: 100_000n,
      currencyCode: 'THB',
      memberId: null,
      shipName: 'Nok', shipPhone: `+66 89 ${String(n).padStart(3, '0')} ${String(n * 7).padStart(4, '0')}`,
      shipLine1: `${n}/${n} Moo ${n} Rama IV Road`, shipCity: 'Bangkok', shipPostalCode: '10500', shipCountry: 'TH',
      ...overrides,
    })
    .returning();
  return row!;
}

async function place(overrides: Partial<typeof order.$inferInsert> = {}) {
  const row = await makeOrder(overrides);
  const result = await database.db.transaction((tx) => evaluateFlags(tx, row.id, 'PLACEMENT'));
  return { row, ...result, reasons: await reasonsOf(row.id) };
}

const reasonsOf = async (orderId: string) =>
  (await database.db.select().from(orderFlag).where(eq(orderFlag.orderId, orderId))).map((f) => f.reason).sort();

function execute(source: string, variableValues: Record<string, unknown> = {}, principal: Principal = TEST_OPERATOR) {
  const contextValue = orders.createContext({ db: database.db, principal, requestId: 't', log, changes: [] });
  return graphql({ schema: orders.schema, source, contextValue, variableValues });
}

/** What `mutation` may select: an order with its flags, or the flag rules. */
type Payload = {
  order: { id: string; onHold: boolean; flags: { id: string; reason: string }[] } | null;
  rules?: unknown[] | null;
  userErrors: { field: string[]; code: string; message: string }[];
};

async function mutation(name: string, input: Record<string, unknown>, select = 'order { id onHold flags { id reason open clearedBy clearNote } }') {
  const result = await execute(
    `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${select} userErrors { field code message } } }`,
    { input },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return dataOf<Record<string, Payload>>(result)[name];
}

describe('flag rules at placement', () => {
  it('a normal order is not flagged', async () => {
    expect(await place()).toMatchObject({ flagged: false, reasons: [] });
  });

  it('HIGH_TOTAL fires at the threshold, not below it', async () => {
    expect(await place({ totalMinor: 5_000_000n })).toMatchObject({ flagged: true, reasons: ['HIGH_TOTAL'] });
    expect(await place({ totalMinor: 4_999_999n })).toMatchObject({ flagged: false });
    // A threshold in baht says nothing about an order in yen.
    expect(await place({ totalMinor: 9_000_000n, currencyCode: 'JPY' })).toMatchObject({ flagged: false });
  });

  it('INCOMPLETE_ADDRESS names what is missing; till sales and countries without postal codes are exempt', async () => {
    const { row, reasons } = await place({ shipPostalCode: null, shipPhone: '  ' });
    expect(reasons).toEqual(['INCOMPLETE_ADDRESS']);
    const [flag] = await database.db.select().from(orderFlag).where(eq(orderFlag.orderId, row.id));
    expect(flag!.message).toBe('The shipping address lacks: phone, postal code.');
    expect(await place({ channel: 'POINT_OF_SALE', shipName: null, shipPhone: null, shipLine1: null, shipCity: null, shipPostalCode: null, shipCountry: null }))
      .toMatchObject({ flagged: false });
    expect(await place({ shipCountry: 'HK', shipCity: 'Kowloon', shipPostalCode: null })).toMatchObject({ flagged: false });
  });

  it('REPEATED_ADDRESS fires on the third order to one address within the hour, however it is written', async () => {
    const address = (line1: string, city: string) => ({ shipLine1: line1, shipCity: city, shipPostalCode: '10110', shipCountry: 'TH' });
    expect(await place(address('99 Soi Sukhumvit 11', 'Bangkok'))).toMatchObject({ flagged: false });
    expect(await place(address('99, Soi Sukhumvit 11.', 'BANGKOK'))).toMatchObject({ flagged: false });
    expect(await place(address('99  soi sukhumvit 11', 'bangkok '))).toMatchObject({ flagged: true, reasons: ['REPEATED_ADDRESS'] });
    expect(await place(address('100 Soi Sukhumvit 11', 'Bangkok'))).toMatchObject({ flagged: false });
  });

  it('REPEATED_PHONE fires on the third order to one phone number, in any notation', async () => {
    expect(await place({ shipPhone: '+66 81 555 0101', shipPhoneDigits: '66815550101' })).toMatchObject({ flagged: false });
    expect(await place({ shipPhone: '081-555-0101', shipPhoneDigits: '0815550101' })).toMatchObject({ flagged: false });
    expect(await place({ shipPhone: '０８１５５５０１０１', shipPhoneDigits: null })).toMatchObject({ flagged: true, reasons: ['REPEATED_PHONE'] });
  });

  it('FIRST_ORDER_HIGH_TOTAL fires on a member\'s first order above its threshold only', async () => {
    const memberId = randomUUID();
    expect(await place({ memberId, totalMinor: 1_500_000n })).toMatchObject({ flagged: true, reasons: ['FIRST_ORDER_HIGH_TOTAL'] });
    expect(await place({ memberId, totalMinor: 1_500_000n })).toMatchObject({ flagged: false });
    expect(await place({ memberId: randomUUID(), totalMinor: 900_000n })).toMatchObject({ flagged: false });
  });

  it('every finding becomes one flag and one history entry; running the rules again adds nothing', async () => {
    const { row, reasons } = await place({ memberId: randomUUID(), totalMinor: 6_000_000n, shipCity: null });
    expect(reasons).toEqual(['FIRST_ORDER_HIGH_TOTAL', 'HIGH_TOTAL', 'INCOMPLETE_ADDRESS']);
    await database.db.transaction((tx) => evaluateFlags(tx, row.id, 'PLACEMENT'));
    expect(await reasonsOf(row.id)).toHaveLength(3);
    const history = await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, row.id));
    expect(history.map((h) => [h.kind, h.actorKind, h.actorLabel])).toEqual(Array(3).fill(['FLAGGED', 'system', 'Order flag rules']));
  });
});

describe('holds and releases', () => {
  it('a flagged paid order cannot start fulfilment until an operator clears it', async () => {
    const { row } = await place({ totalMinor: 8_000_000n, status: 'PAID' });
    const fulfil = () => database.db.transaction((tx) => transitionOrder(tx, { orderId: row.id, to: 'FULFILLING', actor: systemActor('test') }));
    expect(await fulfil()).toMatchObject({ ok: false, errors: [{ code: 'ORDER_ON_HOLD' }] });
    const released = await mutation('orderRelease', { orderId: row.id, note: 'Called the customer' });
    expect(released).toMatchObject({
      userErrors: [],
      order: { onHold: false, flags: [{ reason: 'HIGH_TOTAL', open: false, clearedBy: 'Staff', clearNote: 'Called the customer' }] },
    });
    expect(await fulfil()).toMatchObject({ ok: true, value: { status: 'FULFILLING' } });
    // The rule does not flag the order again once an operator has judged it.
    await database.db.transaction((tx) => evaluateFlags(tx, row.id, 'PLACEMENT'));
    expect(await database.db.transaction((tx) => isOnHold(tx, row.id))).toBe(false);
  });

  it('an operator holds an order by hand and releases the named flags one at a time', async () => {
    const { row } = await place({ totalMinor: 8_000_000n });
    const held = await mutation('orderHold', { orderId: row.id, reason: 'Customer asked to wait' });
    expect(held.order!.flags.map((f) => f.reason).sort()).toEqual(['HIGH_TOTAL', 'MANUAL_HOLD']);
    const manual = held.order!.flags.find((f) => f.reason === 'MANUAL_HOLD')!;
    const partly = await mutation('orderRelease', { orderId: row.id, flagIds: [manual.id] });
    expect(partly.order!.onHold).toBe(true);
    expect(await mutation('orderRelease', { orderId: row.id, flagIds: [manual.id] })).toMatchObject({
      order: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'flagIds', '0'] }],
    });
    expect((await mutation('orderRelease', { orderId: row.id })).order!.onHold).toBe(false);
    expect(await mutation('orderRelease', { orderId: row.id })).toMatchObject({ userErrors: [{ code: 'NOT_ON_HOLD' }] });
    const kinds = (await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, row.id))).map((h) => h.kind);
    expect(kinds.sort()).toEqual(['FLAGGED', 'HOLD', 'RELEASE', 'RELEASE']);
  });

  it('a hold needs a reason and an order not yet in fulfilment', async () => {
    const shipped = await makeOrder({ status: 'SHIPPED' });
    expect(await mutation('orderHold', { orderId: shipped.id, reason: 'Too late' })).toMatchObject({ userErrors: [{ code: 'INVALID_STATE' }] });
    const pending = await makeOrder();
    expect(await mutation('orderHold', { orderId: pending.id, reason: '  ' })).toMatchObject({ userErrors: [{ code: 'INVALID', field: ['input', 'reason'] }] });
    expect(await mutation('orderHold', { orderId: randomUUID(), reason: 'x' })).toMatchObject({ userErrors: [{ code: 'NOT_FOUND' }] });
    expect(await database.db.$count(orderFlag, eq(orderFlag.orderId, pending.id))).toBe(0);
  });

  it('the list filter tells held orders from the others', async () => {
    const { row: held } = await place({ totalMinor: 7_000_000n });
    const { row: normal } = await place();
    const ids = async (flagged: boolean) => (await database.db.select({ id: order.id }).from(order).where(flaggedCondition(flagged))).map((r) => r.id);
    expect(await ids(true)).toContain(held.id);
    expect(await ids(true)).not.toContain(normal.id);
    expect(await ids(false)).toContain(normal.id);
  });
});

describe('rule settings', () => {
  const RULES = '{ orderFlagRules { rule enabled threshold { amount currencyCode } maxOrders windowMinutes updatedBy } }';

  it('start from the defaults and change as the merchant says; the rules then run with the new settings', async () => {
    const defaults = dataOf<{ orderFlagRules: unknown[] }>(await execute(RULES)).orderFlagRules;
    expect(defaults).toContainEqual({ rule: 'HIGH_TOTAL', enabled: true, threshold: { amount: '50000.00', currencyCode: 'THB' }, maxOrders: null, windowMinutes: null, updatedBy: null });
    expect(defaults).toContainEqual({ rule: 'REPEATED_ADDRESS', enabled: true, threshold: null, maxOrders: 3, windowMinutes: 60, updatedBy: null });
    const updated = await mutation(
      'orderFlagRulesUpdate',
      { rules: [{ rule: 'HIGH_TOTAL', thresholdAmount: '20000' }, { rule: 'INCOMPLETE_ADDRESS', enabled: false }, { rule: 'REPEATED_PHONE', maxOrders: 2, windowMinutes: 10 }] },
      'rules { rule enabled threshold { amount } maxOrders windowMinutes updatedBy }',
    );
    expect(updated.userErrors).toEqual([]);
    expect(updated.rules).toContainEqual({ rule: 'HIGH_TOTAL', enabled: true, threshold: { amount: '20000.00' }, maxOrders: null, windowMinutes: null, updatedBy: 'Staff' });
    expect(updated.rules).toContainEqual({ rule: 'REPEATED_PHONE', enabled: true, threshold: null, maxOrders: 2, windowMinutes: 10, updatedBy: 'Staff' });
    expect(await place({ totalMinor: 2_000_000n, shipPostalCode: null })).toMatchObject({ reasons: ['HIGH_TOTAL'] });
    expect(await place({ shipPhone: '02 111 2222' })).toMatchObject({ flagged: false });
    expect(await place({ shipPhone: '+66 2 111 2222' })).toMatchObject({ reasons: ['REPEATED_PHONE'] });
    await mutation('orderFlagRulesUpdate', { rules: [{ rule: 'HIGH_TOTAL', enabled: false }] }, 'rules { rule }');
    expect(await place({ totalMinor: 9_000_000n })).toMatchObject({ flagged: false });
  });

  it('settings a rule does not take, out-of-range values and repeated rules are userErrors; nothing is saved', async () => {
    const refused = await mutation(
      'orderFlagRulesUpdate',
      {
        rules: [
          { rule: 'HIGH_TOTAL', maxOrders: 4 },
          { rule: 'REPEATED_ADDRESS', windowMinutes: 0 },
          { rule: 'FIRST_ORDER_HIGH_TOTAL', thresholdAmount: '-1' },
          { rule: 'HIGH_TOTAL', enabled: false },
          { rule: 'PAYMENT_MISMATCH', enabled: false },
        ],
      },
      'rules { rule }',
    );
    expect(refused.rules).toBeNull();
    expect(refused.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['UNSUPPORTED_SETTING', 'input.rules.0.maxOrders'],
      ['INVALID', 'input.rules.1.windowMinutes'],
      ['INVALID', 'input.rules.2.thresholdAmount'],
      ['DUPLICATE_RULE', 'input.rules.3.rule'],
    ]);
    expect(await database.db.$count(flagRule)).toBe(0);
  });
});
