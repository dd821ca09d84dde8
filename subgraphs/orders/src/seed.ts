// Demo data for orders.
import { sql } from 'drizzle-orm';
import { chunks, type Db } from '@shop/kit';
import type { DemoMember, DemoOrder, DemoPlan } from '@shop/kit/demo-plan';
import { digitsOf } from './addresses/index.js';
import { enqueuePublishOrderFacts } from './facts/index.js';
import { seedPayments } from './payments/seed.js';
import { includedTax } from './pricing/index.js';
import { order, orderHistory, orderLine } from './tables.js';

/**
 * Rows per INSERT. Each statement binds one array per column (unnest), not one
 * parameter per value, so chunks can be far larger than SEED_CHUNK.
 */
const ORDER_CHUNK = 10_000;

const param = (values: unknown[]) => sql.param(values);
// Timestamps go in as text[]: postgres.js has no serializer for a timestamptz[] parameter.

const STREETS = ['Sukhumvit Rd', 'Silom Rd', 'Rama IV Rd', 'Phahonyothin Rd', 'Charoen Krung Rd'];
const CITIES = [
  { city: 'Bangkok', region: 'Bangkok', postalCode: '10110' },
  { city: 'Chiang Mai', region: 'Chiang Mai', postalCode: '50200' },
  { city: 'Phuket', region: 'Phuket', postalCode: '83000' },
  { city: 'Khon Kaen', region: 'Khon Kaen', postalCode: '40000' },
];

/** A demo order's recipient: its member, at an address derived from the order's position. */
function contactOf(index: number, member: DemoMember | undefined) {
  const place = CITIES[index % CITIES.length]!;
  return {
    name: member?.displayName ?? null,
    phone: member?.phone ?? null,
    phoneDigits: member ? digitsOf(member.phone) : null,
    email: member?.email ?? null,
    line1: `${(index % 400) + 1} ${STREETS[index % STREETS.length]}`,
    ...place,
  };
}

/**
 * Writes the demo orders, their lines, their history (placed, and the
 * transition to where each stands) and their payments; `tx` is the seed
 * transaction. New orders continue numbering after the demo's. Members'
 * copies of the orders (their purchase statistics) come from the backfill
 * job queued here, which the worker runs once the seed commits.
 */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  const members = new Map(plan.members.map((m) => [m.id, m]));
  const variants = new Map(
    plan.products.flatMap((p) => p.variants.map((v) => [v.id, { productId: p.id, productTitle: p.title, variantTitle: v.title }] as const)),
  );
  let offset = 0;
  for (const batch of chunks(plan.orders, ORDER_CHUNK)) {
    await insertOrders(tx, batch, offset, plan.currencyCode, members);
    await insertLines(tx, batch, plan.currencyCode, variants);
    await insertHistory(tx, batch);
    offset += batch.length;
  }
  await seedPayments(tx, plan);
  await enqueuePublishOrderFacts(tx);
  await tx.execute(sql`
    select setval('orders.order_number_seq',
      greatest(100000, coalesce((select max(substring(number from 4)::bigint) from ${order} where number ~ '^SO-[0-9]+$'), 0)))`);
}

async function insertOrders(tx: Db, batch: DemoOrder[], offset: number, currencyCode: string, members: Map<string, DemoMember>) {
  const contacts = batch.map((o, i) => contactOf(offset + i, members.get(o.memberId)));
  const column = <K extends keyof ReturnType<typeof contactOf>>(key: K) => param(contacts.map((c) => c[key]));
  await tx.execute(sql`
    insert into ${order} (id, number, member_id, channel, status, subtotal_minor, tax_minor, total_minor, currency_code,
      shipping_method, ship_name, ship_phone, ship_phone_digits, email, ship_line1, ship_city, ship_region,
      ship_postal_code, ship_country, created_at, updated_at)
    select id, number, member_id, channel, status, total_minor, tax_minor, total_minor, ${currencyCode},
      'STANDARD', ship_name, ship_phone, ship_phone_digits, email, ship_line1, ship_city, ship_region,
      ship_postal_code, 'TH', created_at, created_at
    from unnest(
      ${param(batch.map((o) => o.id))}::uuid[],
      ${param(batch.map((o) => o.number))}::text[],
      ${param(batch.map((o) => o.memberId))}::uuid[],
      ${param(batch.map((o) => o.channel))}::orders.order_channel[],
      ${param(batch.map((o) => o.status))}::orders.order_status[],
      ${param(batch.map((o) => o.totalMinor.toString()))}::bigint[],
      ${param(batch.map((o) => includedTax(o.totalMinor).toString()))}::bigint[],
      ${column('name')}::text[],
      ${column('phone')}::text[],
      ${column('phoneDigits')}::text[],
      ${column('email')}::text[],
      ${column('line1')}::text[],
      ${column('city')}::text[],
      ${column('region')}::text[],
      ${column('postalCode')}::text[],
      ${param(batch.map((o) => o.createdAt.toISOString()))}::text[]::timestamptz[]
    ) as t(id, number, member_id, channel, status, total_minor, tax_minor, ship_name, ship_phone, ship_phone_digits,
      email, ship_line1, ship_city, ship_region, ship_postal_code, created_at)`);
}

async function insertLines(
  tx: Db,
  batch: DemoOrder[],
  currencyCode: string,
  variants: Map<string, { productId: string; productTitle: string; variantTitle: string }>,
) {
  const lines = batch.flatMap((o) =>
    o.lines.map((line, position) => {
      const known = variants.get(line.variantId);
      const [productTitle = line.title, variantTitle = ''] = known ? [known.productTitle, known.variantTitle] : line.title.split(' — ');
      return { ...line, orderId: o.id, position, productId: known?.productId ?? null, productTitle, variantTitle, createdAt: o.createdAt.toISOString() };
    }),
  );
  if (lines.length === 0) return;
  await tx.execute(sql`
    insert into ${orderLine}
      (id, order_id, variant_id, product_id, sku, title, product_title, variant_title, quantity, unit_price_minor,
       currency_code, position, created_at, updated_at)
    select id, order_id, variant_id, product_id, sku, title, product_title, variant_title, quantity, unit_price_minor,
      ${currencyCode}, position, created_at, created_at
    from unnest(
      ${param(lines.map((l) => l.id))}::uuid[],
      ${param(lines.map((l) => l.orderId))}::uuid[],
      ${param(lines.map((l) => l.variantId))}::uuid[],
      ${param(lines.map((l) => l.productId))}::uuid[],
      ${param(lines.map((l) => l.sku))}::text[],
      ${param(lines.map((l) => l.title))}::text[],
      ${param(lines.map((l) => l.productTitle))}::text[],
      ${param(lines.map((l) => l.variantTitle))}::text[],
      ${param(lines.map((l) => l.quantity))}::int[],
      ${param(lines.map((l) => l.unitPriceMinor.toString()))}::bigint[],
      ${param(lines.map((l) => l.position))}::int[],
      ${param(lines.map((l) => l.createdAt))}::text[]::timestamptz[]
    ) as t(id, order_id, variant_id, product_id, sku, title, product_title, variant_title, quantity, unit_price_minor,
      position, created_at)`);
}

/** One PLACED entry per order, and one transition (by the demo's staff) to where it stands now. */
async function insertHistory(tx: Db, batch: DemoOrder[]) {
  await tx.execute(sql`
    insert into ${orderHistory} (order_id, kind, actor_kind, actor_label, from_status, to_status, note, created_at)
    select id, 'PLACED', 'customer', 'Customer', null, 'PENDING_PAYMENT', null, created_at
    from unnest(${param(batch.map((o) => o.id))}::uuid[], ${param(batch.map((o) => o.createdAt.toISOString()))}::text[]::timestamptz[])
      as t(id, created_at)`);
  const moved = batch.filter((o) => o.status !== 'PENDING_PAYMENT');
  if (!moved.length) return;
  await tx.execute(sql`
    insert into ${orderHistory} (order_id, kind, actor_kind, actor_label, from_status, to_status, note, created_at)
    select id, 'TRANSITION', 'system', 'Demo data', 'PENDING_PAYMENT', status, 'Imported with the demo data.', created_at + interval '1 hour'
    from unnest(
      ${param(moved.map((o) => o.id))}::uuid[],
      ${param(moved.map((o) => o.status))}::orders.order_status[],
      ${param(moved.map((o) => o.createdAt.toISOString()))}::text[]::timestamptz[]
    ) as t(id, status, created_at)`);
}
