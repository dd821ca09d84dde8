/**
 * `pnpm bench webhooks [--events 2000] [--concurrency 8]`: partner webhook deliveries per second. Events are
 * published (2,000 by default, each in a business transaction's way, 100 per transaction) to three subscriptions
 * of one local partner endpoint, matching 1 to 3 of them each; then the job worker (access tasks only, `concurrency`
 * jobs at once) fans them out and delivers them, signed, until every delivery is DELIVERED. Prints deliveries/s,
 * attempt latency percentiles (the POST as the worker timed it) and when deliveries were accepted, counted from the
 * worker's start (the backlog draining), beside a baseline in the same run: as many bare signed HTTP POSTs from a
 * loop at the same concurrency (no database, no queue). The partner endpoint checks every signature. Figures only, never asserted.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { values } = parseArgs({
  allowPositionals: true,
  options: { events: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '8' } },
});
const { sql } = await import('drizzle-orm');
const { access } = await import('@shop/access');
const { publishEvent, DOMAIN_EVENT_TYPES } = await import('@shop/kit/domain-events');
const { startWorker } = await import('@shop/kit/jobs');
const { sealSecret, localSecret } = await import('@shop/kit/secrets');
const { webhookSignature } = await import('@shop/access/webhooks');
const { openBenchDatabase } = await import('./database.js');
const { startPartnerEndpoint } = await import('../kit/webhook-partner.js');
const { randomUUID } = await import('node:crypto');

const EVENTS = Number(values.events);
const CONCURRENCY = Number(values.concurrency);
const SECRET = 'whsec_bench';
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const sortNumbers = (list: number[]) => [...list].sort((a, b) => a - b);

const { database, url, stop } = await openBenchDatabase('shop_bench_webhooks', { max: CONCURRENCY + 8 });
const db = database.db;
const partner = await startPartnerEndpoint({ secret: SECRET, record: false });

// Three subscriptions of one partner: every type, orders and shipments, deliveries only. Inserted directly:
// NODE_ENV=production (bench env) refuses http URLs through the API, and the endpoint is a loopback one.
await db.execute(sql`update access.webhook_subscription set active = false, deleted_at = coalesce(deleted_at, now())`);
await db.execute(sql`delete from graphile_worker._private_jobs`);
const sealed = sealSecret(SECRET, localSecret('WEBHOOK_SEALING_KEY', 'webhook-sealing-key'));
const subscriptionTypes = [
  [...DOMAIN_EVENT_TYPES],
  DOMAIN_EVENT_TYPES.filter((t) => t.startsWith('order.') || t.startsWith('shipment.')),
  ['shipment.delivered', 'order.status_changed'],
];
for (const types of subscriptionTypes) {
  await db.execute(sql`insert into access.webhook_subscription (url, event_types, sealed_secret, description)
    values (${partner.url}, ${`{${types.join(',')}}`}::text[], ${sealed}, 'bench')`);
}

// Publish, not timed: the events as business writes would, 100 per transaction.
const kinds = ['shipment.delivered', 'order.status_changed', 'order.created', 'after_sales.requested'] as const;
for (let start = 0; start < EVENTS; start += 100) {
  await db.transaction(async (tx) => {
    for (let i = start; i < Math.min(EVENTS, start + 100); i += 1) {
      await publishEvent(tx, { type: kinds[i % kinds.length]!, subject: { orderId: randomUUID(), orderNumber: `SO-${i}`, memberId: null }, data: { status: 'DELIVERED' } });
    }
  });
}
// The notification consumer's jobs are another domain's; only access's tasks are measured.
await db.execute(sql`delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t where t.id = j.task_id and t.identifier <> 'access.webhookFanOut'`);

const expected = await (async () => {
  // Each event matches 1-3 subscriptions: count what fan-out will create.
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    cross join access.webhook_subscription s
    where t.identifier = 'access.webhookFanOut' and s.active and s.deleted_at is null and (j.payload->>'type') = any(s.event_types)`);
  return row!.n;
})();
const startedAt = new Date();
const started = performance.now();
const worker = await startWorker(url, db, [access], { concurrency: CONCURRENCY, pollInterval: 50 });
let delivered = 0;
while (delivered < expected) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from access.webhook_delivery d join access.webhook_subscription s on s.id = d.subscription_id
    where s.description = 'bench' and s.deleted_at is null and d.status = 'DELIVERED'`);
  delivered = row!.n;
  if (performance.now() - started > 600_000) break;
}
const seconds = (performance.now() - started) / 1000;
await worker.stop();

const [latency] = await db.execute<{ attempts: number[]; endToEnd: number[] }>(sql`
  select array_agg(a.duration_ms)::float8[] as "attempts",
         array_agg(extract(epoch from (d.delivered_at - ${startedAt.toISOString()}::timestamptz)) * 1000)::float8[] as "endToEnd"
  from access.webhook_delivery d join access.webhook_subscription s on s.id = d.subscription_id
  join access.webhook_attempt a on a.delivery_id = d.id where s.description = 'bench' and s.deleted_at is null`);
const processedByPartner = partner.processed.length;
const attempts = sortNumbers((latency!.attempts ?? []).map(Number));
const endToEnd = sortNumbers((latency!.endToEnd ?? []).map(Number));

// Baseline: as many bare signed POSTs to the same endpoint from a loop, at the same concurrency.
const body = JSON.stringify({ id: randomUUID(), type: 'order.created', occurredAt: new Date().toISOString(), subject: { orderId: randomUUID(), orderNumber: 'SO-1', memberId: null }, data: { status: 'PLACED' } });
const bare: number[] = [];
let next = 0;
const baseStart = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < expected) {
      next += 1;
      const t0 = performance.now();
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(partner.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Shop-Webhook-Id': randomUUID(), 'Shop-Webhook-Timestamp': String(timestamp), 'Shop-Webhook-Signature': webhookSignature(SECRET, timestamp, body) },
        body,
      });
      await response.text();
      bare.push(performance.now() - t0);
    }
  }),
);
const baseSeconds = (performance.now() - baseStart) / 1000;
const bareSorted = sortNumbers(bare);

console.log(`\n${EVENTS} events → ${expected} deliveries to 3 subscriptions of one local endpoint, ${CONCURRENCY} at a time, NODE_ENV=${process.env.NODE_ENV}`);
console.table([
  {
    scenario: 'baseline: bare signed POSTs from a loop',
    requests: bare.length,
    'per s': (bare.length / baseSeconds).toFixed(0),
    'POST p50 ms': pct(bareSorted, 0.5).toFixed(1),
    'POST p99 ms': pct(bareSorted, 0.99).toFixed(1),
    'accepted p50 s after start': '',
    'accepted p99 s after start': '',
  },
  {
    scenario: 'webhooks: fan-out + signed delivery jobs',
    requests: delivered,
    'per s': (delivered / seconds).toFixed(0),
    'POST p50 ms': pct(attempts, 0.5).toFixed(1),
    'POST p99 ms': pct(attempts, 0.99).toFixed(1),
    'accepted p50 s after start': (pct(endToEnd, 0.5) / 1000).toFixed(1),
    'accepted p99 s after start': (pct(endToEnd, 0.99) / 1000).toFixed(1),
  },
]);
console.log(`the partner processed ${processedByPartner} distinct event ids of ${EVENTS} published (signature checked on every request; 1-3 deliveries per event deduplicated by id)`);
await partner.close();
await stop();
