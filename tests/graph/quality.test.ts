import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { evaluateQualityAlerts, returnSold, shipProduct } from '../../subgraphs/orders/test/quality-fixtures.js';
import { staffLogin } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

const ERRORS = 'userErrors { field code message }';
const ALERTS = `query ($filter: QualityAlertFilter) { qualityAlerts(first: 10, filter: $filter) { totalCount edges { node {
  id lotCode status defectUnits shippedUnits ratePercent thresholdPercent orderNumbers
  product { id title returnStats { shippedUnits reasons { reasonCode units requests } lots { lotCode shippedUnits reasons { reasonCode units } } } }
} } } }`;
const ALERT_ORDERS = `query { qualityAlerts(first: 10) { edges { node { id orders { number } } } } }`;
const ACKNOWLEDGE = `mutation ($input: QualityAlertAcknowledgeInput!) { qualityAlertAcknowledge(input: $input) {
  qualityAlert { id status note acknowledgedAt acknowledgedBy { id } } ${ERRORS} } }`;
const SETTINGS = `{ qualitySettings { defectReasonCodes rateThresholdPercent windowDays minUnitsShipped } }`;
const SETTINGS_UPDATE = `mutation ($input: QualitySettingsUpdateInput!) { qualitySettingsUpdate(input: $input) {
  qualitySettings { defectReasonCodes rateThresholdPercent windowDays minUnitsShipped } ${ERRORS} } }`;

// Quality alerts through the gateway: the catalog team reads alerts (catalog:read) with the order numbers behind
// them, full orders only with orders:read, acknowledges and sets the rule with catalog:write.
describe.each(['in-process', 'distributed'] as const)('quality alerts (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let catalogManager: Record<string, string>;
  let analyst: Record<string, string>;
  let productId: string;
  let orderNumbers: string[];

  const bearer = async (role: string) => ({ authorization: `Bearer ${await staffLogin(gateway, `${role}@shop.test`, `demo-${role}-password`)}` });

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    [catalogManager, analyst] = [await bearer('catalog_manager'), await bearer('analyst')];
    [{ id: productId }] = await database.db.execute<{ id: string }>(sql`select id from products.product order by created_at, id limit 1`);
    // 60 units: 30 of lot A (3 defects: 10%), 30 of lot B (1 defect), 1 changed mind: product 4/60 = 6.67%.
    const sold = [];
    for (let i = 0; i < 6; i++) sold.push(await shipProduct(database.db, { productId, units: 10, lotCode: i % 2 ? 'LOT-B' : 'LOT-A' }));
    await returnSold(database.db, sold[0]!, { quantity: 2 });
    await returnSold(database.db, sold[2]!, { quantity: 1, reason: 'NOT_AS_DESCRIBED' });
    await returnSold(database.db, sold[1]!, { quantity: 1 });
    await returnSold(database.db, sold[3]!, { quantity: 1, reason: 'CHANGED_MIND' });
    await Promise.all([evaluateQualityAlerts(database.db), evaluateQualityAlerts(database.db)]);
    await evaluateQualityAlerts(database.db);
    const numbers = await database.db.execute<{ number: string }>(
      sql`select number from orders."order" where id = any(${sql.param([sold[0]!.orderId, sold[1]!.orderId, sold[2]!.orderId])}::uuid[]) order by number`,
    );
    orderNumbers = numbers.map((n) => n.number);
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('lists one alert for the product and one for the bad lot, with the order numbers and the return reasons', async () => {
    const { body } = await gateway.query(ALERTS, { filter: { productId } }, catalogManager);
    expect(body.errors).toBeUndefined();
    const nodes = body.data.qualityAlerts.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(body.data.qualityAlerts.totalCount).toBe(2);
    const byLot = Object.fromEntries(nodes.map((n: { lotCode: string | null }) => [n.lotCode ?? 'product', n]));
    expect(byLot.product).toMatchObject({ status: 'OPEN', defectUnits: 4, shippedUnits: 60, ratePercent: '6.66', thresholdPercent: '5.00' });
    expect(byLot['LOT-A']).toMatchObject({ defectUnits: 3, shippedUnits: 30, ratePercent: '10.00' });
    expect(byLot['LOT-B']).toBeUndefined();
    expect([...byLot.product.orderNumbers].sort()).toEqual(orderNumbers);
    expect(byLot['LOT-A'].product.returnStats).toMatchObject({
      shippedUnits: 60,
      reasons: [
        { reasonCode: 'QUALITY_DEFECT', units: 3, requests: 2 },
        { reasonCode: 'NOT_AS_DESCRIBED', units: 1, requests: 1 },
        { reasonCode: 'CHANGED_MIND', units: 1, requests: 1 },
      ],
      lots: [
        { lotCode: 'LOT-A', shippedUnits: 30 },
        { lotCode: 'LOT-B', shippedUnits: 30 },
      ],
    });
    expect(typeof byLot.product.product.title).toBe('string');
  });

  it('shows the full orders only with orders:read', async () => {
    const denied = (await gateway.query(ALERT_ORDERS, {}, catalogManager)).body;
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.data.qualityAlerts.edges[0].node.orders).toBeNull();
    const allowed = (await gateway.query(ALERT_ORDERS, {}, analyst)).body;
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.qualityAlerts.edges.flatMap((e: { node: { orders: unknown[] } }) => e.node.orders).length).toBeGreaterThan(0);
  });

  it('acknowledges with catalog:write only; a second acknowledgement is a userError', async () => {
    const { body } = await gateway.query(ALERTS, { filter: { productId, status: 'OPEN' } }, catalogManager);
    const id = body.data.qualityAlerts.edges[0].node.id;
    const refused = (await gateway.query(ACKNOWLEDGE, { input: { id } }, analyst)).body;
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = (await gateway.query(ACKNOWLEDGE, { input: { id, note: 'Supplier asked to recheck lot' } }, catalogManager)).body;
    expect(done.data.qualityAlertAcknowledge).toMatchObject({
      qualityAlert: { id, status: 'ACKNOWLEDGED', note: 'Supplier asked to recheck lot', acknowledgedBy: { id: expect.any(String) } },
      userErrors: [],
    });
    const again = (await gateway.query(ACKNOWLEDGE, { input: { id } }, catalogManager)).body;
    expect(again.data.qualityAlertAcknowledge).toMatchObject({ qualityAlert: null, userErrors: [{ code: 'INVALID_STATE', field: ['input', 'id'] }] });
    await evaluateQualityAlerts(database.db);
    const open = (await gateway.query(ALERTS, { filter: { productId, status: 'OPEN' } }, catalogManager)).body;
    expect(open.data.qualityAlerts.totalCount).toBe(1);
  });

  it('reads the rule with catalog:read, refuses bad settings on their fields, saves good ones with catalog:write', async () => {
    expect((await gateway.query(SETTINGS, {}, analyst)).body.data.qualitySettings).toEqual({
      defectReasonCodes: ['QUALITY_DEFECT', 'NOT_AS_DESCRIBED'],
      rateThresholdPercent: '5.00',
      windowDays: 30,
      minUnitsShipped: 20,
    });
    const bad = (await gateway.query(SETTINGS_UPDATE, { input: { rateThresholdPercent: '101', windowDays: 0 } }, catalogManager)).body;
    expect(bad.data.qualitySettingsUpdate.qualitySettings).toBeNull();
    expect(bad.data.qualitySettingsUpdate.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', 'rateThresholdPercent'],
      ['input', 'windowDays'],
    ]);
    const saved = (await gateway.query(SETTINGS_UPDATE, { input: { rateThresholdPercent: '7.5', minUnitsShipped: 50 } }, catalogManager)).body;
    expect(saved.data.qualitySettingsUpdate).toEqual({
      qualitySettings: { defectReasonCodes: ['QUALITY_DEFECT', 'NOT_AS_DESCRIBED'], rateThresholdPercent: '7.50', windowDays: 30, minUnitsShipped: 50 },
      userErrors: [],
    });
    const denied = (await gateway.query(SETTINGS_UPDATE, { input: { windowDays: 10 } }, analyst)).body;
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is closed to customers and anonymous callers', async () => {
    const { body } = await gateway.query(ALERTS, {}, {});
    expect(body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect(body.data?.qualityAlerts ?? null).toBeNull();
  });
});
