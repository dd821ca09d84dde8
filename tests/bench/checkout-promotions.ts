/**
 * `pnpm bench checkout-promotions [--scale 1] [--clients 16]`: what active promotions cost a
 * storefront checkout. 800 × scale checkouts through the in-process gateway from 16 signed-in
 * customers (each: cartCreate → cartLinesAdd → cartSetAddress → checkoutComplete, timed as one
 * journey, checkoutComplete also on its own), twice in the same run: with no active promotion
 * (the baseline), then with three that all match every cart (a TIERED_SPEND ladder, a
 * PERCENT_OFF on the carts' categories, a BUY_X_GET_Y), made with promotionCreate by the
 * marketing staff user. Prints checkouts/s, p50/p95/p99 and SQL statements per checkout side by
 * side, and checks every order's total against priceExplain for the same lines, member and
 * shipping method. Stock is set far above what the run takes. Figures only, never asserted.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { randomUUID } = await import('node:crypto');
const { values } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: '1' },
    clients: { type: 'string', default: '16' },
  },
});
const { sql } = await import('drizzle-orm');
const { statementCounter } = await import('@shop/kit');
const { openDemoBenchDatabase } = await import('./database.js');
const { startTestGateway } = await import('../kit/gateway.js');
const { demoStaffHeaders } = await import('../kit/callers.js');
const { sellableVariants, setAvailable, uniqueAddress } = await import('../../subgraphs/orders/test/checkout-fixtures.js');

const CHECKOUTS = Math.max(1, Math.round(800 * Number(values.scale)));
const CLIENTS = Number(values.clients);
const CHANNEL = 'ONLINE_STORE';
const QUANTITIES = [3, 2, 1];

// A small demo shop of its own (staff users, catalog, warehouses); the scale only sets how many checkouts run.
const { database, stop } = await openDemoBenchDatabase(0.1, { max: 32, name: 'shop_bench_checkout_promotions' });
const gateway = await startTestGateway('in-process', database.db);
const marketing = await demoStaffHeaders(gateway, 'marketing');

type Headers = Record<string, string>;
const ERRORS = 'userErrors { field code message }';
async function ask(headers: Headers, query: string, variables: Record<string, unknown> = {}) {
  const { status, body } = await gateway.query(query, variables, headers);
  if (status !== 200 || body.errors) throw new Error(`${query.slice(0, 60)}: ${status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
const minor = (amount: string) => BigInt(amount.replace('.', ''));
const major = (m: bigint) => `${m / 100n}.${String(m % 100n).padStart(2, '0')}`;

// Three variants with stock far beyond the run; their products' categories for the PERCENT_OFF scope.
const variants = await sellableVariants(database.db, QUANTITIES.length);
for (const v of variants) await setAvailable(database.db, v.id, 10_000_000);
const lines = variants.map((v, i) => ({ variantId: v.id, quantity: QUANTITIES[i]! }));
const cartSubtotal = variants.reduce((sum, v, i) => sum + BigInt(v.price_minor) * BigInt(QUANTITIES[i]!), 0n);
const categoryIds = (
  await database.db.execute<{ category_id: string }>(sql`
    select distinct pc.category_id from products.product_category pc join products.variant v on v.product_id = pc.product_id
    where v.id in (${sql.join(
      variants.map((v) => sql`${v.id}`),
      sql`, `,
    )})`)
).map((r) => r.category_id);

/** Archives every promotion not archived yet: the demo seed has some, and a run stopped midway leaves its own. */
async function archivePromotions() {
  const listed = await ask(marketing, `{ promotions(first: 100) { edges { node { id } } } }`);
  for (const { node } of listed.promotions.edges as { node: { id: string } }[]) {
    await ask(marketing, `mutation ($input: PromotionArchiveInput!) { promotionArchive(input: $input) { ${ERRORS} } }`, { input: { id: node.id } });
  }
  return listed.promotions.edges.length as number;
}

/** The three promotions, active at once, each matching every cart of the run. */
async function createPromotions() {
  const title = (text: string) => [{ locale: 'en', text }];
  const inputs = [
    {
      titles: title('Bench: spend more, save more'), kind: 'TIERED_SPEND',
      spendTiers: [
        { threshold: major(cartSubtotal / 4n), amountOff: major(cartSubtotal / 40n) },
        { threshold: major(cartSubtotal / 2n), amountOff: major(cartSubtotal / 20n) },
      ],
    },
    categoryIds.length
      ? { titles: title('Bench: 10% off the category'), kind: 'PERCENT_OFF', percentOff: 1000, scope: { kind: 'CATEGORIES', ids: categoryIds } }
      : { titles: title('Bench: 10% off'), kind: 'PERCENT_OFF', percentOff: 1000 },
    { titles: title('Bench: buy 2, get 1 half price'), kind: 'BUY_X_GET_Y', buyQuantity: 2, getQuantity: 1, percentOff: 5000 },
  ];
  for (const input of inputs) {
    const data = await ask(marketing, `mutation ($input: PromotionCreateInput!) { promotionCreate(input: $input) { promotion { id status } ${ERRORS} } }`, {
      input: { ...input, activate: true, currencyCode: 'THB', channels: [CHANNEL] },
    });
    const { promotion, userErrors } = data.promotionCreate;
    if (userErrors.length || promotion.status !== 'ACTIVE') throw new Error(`promotionCreate: ${JSON.stringify(data.promotionCreate)}`);
  }
  return inputs.map((i) => i.kind).join(' + ');
}

/** One signed-in customer per client, with its member id (for priceExplain). */
async function customer(i: number) {
  const email = `bench-promotions-${randomUUID()}@example.test`;
  const signUp = await ask({}, `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token ${ERRORS} } }`, {
    input: { email, password: 'a long enough bench password', displayName: `Bench buyer ${i}` },
  });
  const headers = { authorization: `Bearer ${signUp.customerSignUp.token}` };
  const memberId = (await ask(headers, `{ myProfile { member { id } } }`)).myProfile.member.id as string;
  return { headers, memberId };
}

type Placed = { memberId: string; order: { subtotal: { amount: string }; discount: { amount: string }; total: { amount: string }; shippingMethod: string | null } };

const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } ${ERRORS} } }`;
const LINES_ADD = `mutation ($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { id } ${ERRORS} } }`;
const SET_ADDRESS = `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { cart { addressComplete } ${ERRORS} } }`;
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { order { id subtotal { amount } discount { amount } total { amount } shippingMethod } ${ERRORS} }
}`;

/** A customer's whole journey to one order; the checkoutComplete latency in ms beside it. */
async function journey(buyer: { headers: Headers; memberId: string }): Promise<{ placed: Placed; checkoutMs: number }> {
  const created = await ask(buyer.headers, CART_CREATE, { input: { channel: CHANNEL, lines: lines.slice(0, 1) } });
  const cartId = created.cartCreate.cart?.id;
  if (!cartId) throw new Error(`cartCreate: ${JSON.stringify(created.cartCreate.userErrors)}`);
  const added = await ask(buyer.headers, LINES_ADD, { input: { cartId, lines: lines.slice(1) } });
  if (added.cartLinesAdd.userErrors.length) throw new Error(`cartLinesAdd: ${JSON.stringify(added.cartLinesAdd.userErrors)}`);
  const addressed = await ask(buyer.headers, SET_ADDRESS, { input: { cartId, address: uniqueAddress() } });
  if (addressed.cartSetAddress.userErrors.length) throw new Error(`cartSetAddress: ${JSON.stringify(addressed.cartSetAddress.userErrors)}`);
  const t0 = performance.now();
  const done = await ask(buyer.headers, CHECKOUT, { input: { cartId, idempotencyKey: randomUUID() } });
  const checkoutMs = performance.now() - t0;
  const { order, userErrors } = done.checkoutComplete;
  if (!order) throw new Error(`checkoutComplete: ${JSON.stringify(userErrors)}`);
  return { placed: { memberId: buyer.memberId, order }, checkoutMs };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** CHECKOUTS journeys from CLIENTS customers (one each), after a short warm-up that is not counted. */
async function run(buyers: { headers: Headers; memberId: string }[]) {
  await Promise.all(buyers.slice(0, 4).map((b) => journey(b)));
  const journeys: number[] = [];
  const checkouts: number[] = [];
  const placed: Placed[] = [];
  let failures = 0;
  let next = 0;
  const statementsBefore = statementCounter.count;
  const started = performance.now();
  await Promise.all(
    buyers.map(async (buyer) => {
      while (next < CHECKOUTS) {
        next += 1;
        const t0 = performance.now();
        try {
          const done = await journey(buyer);
          journeys.push(performance.now() - t0);
          checkouts.push(done.checkoutMs);
          placed.push(done.placed);
        } catch (error) {
          failures += 1;
          if (failures <= 3) console.error(String(error).slice(0, 500));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const statements = statementCounter.count - statementsBefore;
  journeys.sort((a, b) => a - b);
  checkouts.sort((a, b) => a - b);
  return { seconds, statements, journeys, checkouts, placed, failures };
}

const EXPLAIN = `query ($input: PriceExplainInput!) { priceExplain(input: $input) { subtotal { amount } discount { amount } total { amount } applied { ruleId source } } }`;

/** Every order against priceExplain of the same lines, member and shipping method (one call per distinct member and method). */
async function check(placed: Placed[]) {
  const explained = new Map<string, { subtotal: { amount: string }; discount: { amount: string }; total: { amount: string }; applied: { ruleId: string; source: string }[] }>();
  let mismatches = 0;
  let discounted = 0;
  let discountMinor = 0n;
  for (const { memberId, order } of placed) {
    const key = `${memberId} ${order.shippingMethod}`;
    if (!explained.has(key)) {
      const input = { currencyCode: 'THB', channel: CHANNEL, memberId, lines, ...(order.shippingMethod ? { shippingMethod: order.shippingMethod } : {}) };
      explained.set(key, (await ask(marketing, EXPLAIN, { input })).priceExplain);
    }
    const expected = explained.get(key)!;
    if (expected.total.amount !== order.total.amount || expected.discount.amount !== order.discount.amount) {
      mismatches += 1;
      if (mismatches <= 3) console.error(`order ${JSON.stringify(order)} ≠ priceExplain ${JSON.stringify(expected)}`);
    }
    const discount = minor(order.discount.amount);
    if (discount > 0n) discounted += 1;
    discountMinor += discount;
  }
  const rules = new Set([...explained.values()].flatMap((e) => e.applied.filter((a) => a.ruleId.startsWith('promotion:')).map((a) => a.ruleId)));
  return { mismatches, discounted, discountMinor, promotionsApplied: rules.size };
}

const archivedBefore = await archivePromotions();
console.log(`${archivedBefore} promotions not archived yet (demo seed, earlier runs) archived; signing up ${CLIENTS} customers...`);
const buyers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => customer(i)));

const results: { scenario: string; r: Awaited<ReturnType<typeof run>>; c: Awaited<ReturnType<typeof check>> }[] = [];
console.log(`baseline: ${CHECKOUTS} checkouts without promotions...`);
const baseline = await run(buyers);
results.push({ scenario: 'no promotions (baseline)', r: baseline, c: await check(baseline.placed) });
const kinds = await createPromotions();
console.log(`promotions: ${CHECKOUTS} checkouts with ${kinds} active...`);
const promoted = await run(buyers);
results.push({ scenario: `3 promotions (${kinds})`, r: promoted, c: await check(promoted.placed) });
await archivePromotions();

console.log(
  `\n${CHECKOUTS} checkouts per run from ${CLIENTS} signed-in customers, in-process gateway, ${CHANNEL}, ` +
    `lines ${QUANTITIES.join('+')} units of ${variants.length} variants (list ${major(cartSubtotal)} THB), NODE_ENV=${process.env.NODE_ENV ?? ''}`,
);
/** One run as a column of the side-by-side table. */
function column({ r, c }: (typeof results)[number]): Record<string, string | number> {
  const ok = r.placed.length;
  return {
    'checkouts ok': ok,
    failed: r.failures,
    'checkouts/s': (ok / r.seconds).toFixed(1),
    'journey p50 ms': pct(r.journeys, 0.5).toFixed(1),
    'journey p95 ms': pct(r.journeys, 0.95).toFixed(1),
    'journey p99 ms': pct(r.journeys, 0.99).toFixed(1),
    'checkoutComplete p50 ms': pct(r.checkouts, 0.5).toFixed(1),
    'checkoutComplete p95 ms': pct(r.checkouts, 0.95).toFixed(1),
    'checkoutComplete p99 ms': pct(r.checkouts, 0.99).toFixed(1),
    'SQL statements/journey': (r.statements / Math.max(1, ok + r.failures)).toFixed(1),
    'orders discounted': `${c.discounted}/${ok}`,
    'discount/order THB': ok ? major(c.discountMinor / BigInt(ok)) : '0.00',
    'promotion rules applied': c.promotionsApplied,
    'total ≠ priceExplain': c.mismatches,
  };
}
const columns = results.map((x) => [x.scenario, column(x)] as const);
console.table(Object.fromEntries(Object.keys(columns[0]![1]).map((metric) => [metric, Object.fromEntries(columns.map(([name, col]) => [name, col[metric]]))])));
const [base, promo] = results;
console.log(
  `check: baseline ${base!.c.discounted === 0 ? 'no discount on any order' : `${base!.c.discounted} orders DISCOUNTED`}; ` +
    `promotions ${promo!.c.discounted === promo!.r.placed.length && promo!.c.promotionsApplied === 3 ? 'all 3 applied to every order' : `${promo!.c.promotionsApplied} of 3 applied, ${promo!.c.discounted} orders discounted`}; ` +
    `${base!.c.mismatches + promo!.c.mismatches === 0 ? 'every order total equals priceExplain' : `${base!.c.mismatches + promo!.c.mismatches} orders DIFFER from priceExplain`}.`,
);

await gateway.stop();
await stop();
process.exit(0);
