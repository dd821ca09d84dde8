/**
 * `pnpm bench members-list [--scale S] [--requests R] [--concurrency C]`: the console's member
 * list (MembersList, 20 a page, with totalCount, points and contact data) through the gateway
 * (in-process) as a customer-service staff member (members:read + members:read_pii), at
 * 1,000,000 × S members against a baseline in the same run: the same queries at 10,000 members.
 * Each scale has its own database, built once with SQL (members-data.ts) and kept. Prints
 * requests/s, p50/p95/p99 and SQL statements per request, and what each query matched.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { sql } = await import('drizzle-orm');
const { encodeCursor } = await import('@shop/kit');
const { openBenchDatabase } = await import('./database.js');
const { growMembers } = await import('./members-data.js');
const { isEmpty, seedDemo } = await import('@shop/gateway/seed/index');
const { startTestGateway } = await import('../kit/gateway.js');
const { staffLogin } = await import('../kit/callers.js');
const { figures, load } = await import('./load.js');

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
    requests: { type: 'string', default: '200' },
  },
});
const BASELINE = 10_000;
const scales = [...new Set([BASELINE, Math.round(1_000_000 * Number(values.scale))])];
const options = { concurrency: Number(values.concurrency), requests: Number(values.requests), warmup: 20 };

// The console's list document (web-admin/app/(console)/members/members.graphql.ts), at its page size.
const LIST = `query MembersList($first: Int, $after: String, $filter: MemberFilter) {
  members(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id displayName tier points createdAt email maskedEmail phone maskedPhone } }
  }
}`;
const PAGE = 20;

/** "+66812345678" as a Thai caller types it: "081-234-5678". */
const nationalThai = (e164: string) => `0${e164.slice(3, 5)}-${e164.slice(5, 8)}-${e164.slice(8)}`;

type Row = { scenario: string; members: number; matches: number | string; result: Awaited<ReturnType<typeof load>> };

async function measure(total: number): Promise<Row[]> {
  const { database, stop } = await openBenchDatabase(`shop_bench_members_${total}`, { max: 20 });
  const { db } = database;
  if (await isEmpty(db)) await seedDemo(db); // staff accounts and roles, a shop around the members
  await growMembers(db, total);
  // A member 40 % down the list with a Thai mobile: the target of the email and phone searches.
  const [target] = await db.execute<{ email: string; phone_e164: string }>(sql`
    select email, phone_e164 from members.member where archived_at is null and phone_e164 like '+66%'
    order by created_at desc, id desc offset ${Math.floor(total * 0.4)} limit 1`);
  // The position halfway down the default order (newest first), as the list's own cursor.
  const [middle] = await db.execute<{ at: string; id: string }>(sql`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, id from members.member
    where archived_at is null order by created_at desc, id desc offset ${Math.floor(total / 2)} limit 1`);
  const deepCursor = encodeCursor({ value: middle!.at, id: middle!.id });
  console.log(`${total} members: searching for ${target!.email} and ${nationalThai(target!.phone_e164)}`);

  const scenarios: [string, Record<string, unknown>, string?][] = [
    ['first page', {}],
    ['first page, without totalCount', {}, LIST.replace('totalCount', '')],
    ['filter tag "vip"', { filter: { tag: 'vip' } }],
    ['filter tier GOLD', { filter: { tier: ['GOLD'] } }],
    ['filter disabled', { filter: { disabled: true } }],
    ['search name, Latin "smith"', { filter: { query: 'smith' } }],
    ['search name, Thai "สมชาย"', { filter: { query: 'สมชาย' } }],
    ['search email (full address)', { filter: { query: target!.email } }],
    ['search phone, national format 0XX-XXX-XXXX', { filter: { query: nationalThai(target!.phone_e164) } }],
    ['deep page (cursor halfway down)', { after: deepCursor }],
  ];

  const gateway = await startTestGateway('in-process', db);
  const headers = { authorization: `Bearer ${await staffLogin(gateway, 'customer_service@shop.test', 'demo-customer_service-password')}` };
  const rows: Row[] = [];
  for (const [scenario, variables, query = LIST] of scenarios) {
    const body = { query, variables: { first: PAGE, ...variables } };
    // What the query matches, asked once beside the load (which reads totalCount as the console did before it had a precision).
    const probe = await gateway.query(body.query.replace('totalCount', 'totalCount totalCountPrecision'), body.variables, headers);
    if (probe.body.errors) throw new Error(`${scenario}: ${JSON.stringify(probe.body.errors)}`);
    const { totalCount, totalCountPrecision, edges } = probe.body.data.members;
    const matches = totalCount == null ? `${edges.length} on the page` : `${totalCount}${totalCountPrecision === 'AT_LEAST' ? '+' : ''}`;
    console.log(`${total} members, ${scenario}...`);
    rows.push({ scenario, members: total, matches, result: await load(gateway.url, body, { ...options, headers }) });
  }
  await gateway.stop();
  await stop();
  return rows;
}

const measured: Row[] = [];
for (const total of scales) measured.push(...(await measure(total)));
// Each scenario's rows side by side: the baseline, then the large scale.
const ordered = [...measured].sort((a, b) => measured.findIndex((r) => r.scenario === a.scenario) - measured.findIndex((r) => r.scenario === b.scenario) || a.members - b.members);

console.log(`\nmembers list through the gateway (in-process), ${options.concurrency} concurrent clients, ${options.requests} requests per row, first: ${PAGE}`);
console.table(
  ordered.map(({ scenario, members, matches, result }) => ({ scenario, members, matches, ...figures(result) })),
);
process.exit(0);
