import { count, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import { connectionOf, type ConnectionArgs, type Db } from '@shop/kit';
import { order, type OrderStatus } from '../tables.js';
import { paymentTransaction } from './tables.js';

export type ReconciliationIssue = 'UNDERPAID' | 'OVERPAID' | 'NOT_REFUNDED';

/** States in which the shop counts the order as paid for. */
const PAID_STATES: readonly OrderStatus[] = ['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];
const UNDONE_STATES: readonly OrderStatus[] = ['CANCELLED', 'CLOSED'];

const statusIn = (states: readonly OrderStatus[]) => sql.raw(states.map((s) => `'${s}'`).join(', '));

/** Every order's received money, with the issue it has (null when it reconciles). */
function reconciled(tx: Db) {
  const sums = tx
    .select({
      orderId: paymentTransaction.orderId,
      captured: sql<string>`sum(${paymentTransaction.amountMinor}) filter (where ${paymentTransaction.kind} = 'CAPTURE')`.as('captured'),
      refunded: sql<string>`sum(${paymentTransaction.amountMinor}) filter (where ${paymentTransaction.kind} = 'REFUND')`.as('refunded'),
    })
    .from(paymentTransaction)
    .groupBy(paymentTransaction.orderId)
    .as('sums');
  const captured = sql`coalesce(${sums.captured}, 0)`;
  const refunded = sql`coalesce(${sums.refunded}, 0)`;
  const net = sql`(${captured} - ${refunded})`;
  return tx
    .select({
      ...getTableColumns(order),
      capturedMinor: sql<string>`${captured}::text`.as('captured_minor'),
      refundedMinor: sql<string>`${refunded}::text`.as('refunded_minor'),
      issue: sql<ReconciliationIssue | null>`case
        when ${net} > ${order.totalMinor} then 'OVERPAID'
        when ${order.status} in (${statusIn(PAID_STATES)}) and ${net} < ${order.totalMinor} then 'UNDERPAID'
        when ${order.status} in (${statusIn(UNDONE_STATES)}) and ${net} > 0 then 'NOT_REFUNDED'
        end`.as('issue'),
    })
    .from(order)
    .leftJoin(sums, sql`${sums.orderId} = ${order.id}`)
    .as('reconciled');
}

/**
 * paymentReconciliation: orders whose captured-minus-refunded money does not
 * match what they should have received, newest first: paid orders short of
 * their total, any order paid beyond it, cancelled or closed orders still holding money.
 */
export async function listReconciliation(tx: Db, args: ConnectionArgs) {
  const rows = reconciled(tx);
  return connectionOf(args, {
    sort: rows.createdAt,
    id: rows.id,
    descending: true,
    filter: isNotNull(rows.issue),
    rows: async (page) =>
      (await tx.select().from(rows).where(page.where).orderBy(...page.orderBy).limit(page.limit)).map(
        ({ capturedMinor, refundedMinor, issue, ...orderRow }) => ({
          order: orderRow,
          capturedMinor: BigInt(capturedMinor),
          refundedMinor: BigInt(refundedMinor),
          issue: issue!,
        }),
      ),
    keyset: (entry) => ({ value: entry.order.createdAt.toISOString(), id: entry.order.id }),
    count: async () => (await tx.select({ n: count() }).from(rows).where(isNotNull(rows.issue)))[0]!.n,
  });
}

export type ReconciliationEntry = Awaited<ReturnType<typeof listReconciliation>>['edges'][number]['node'];
