import { sql } from 'drizzle-orm';
import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { order } from '../tables.js';
import { payment, paymentTransaction } from './tables.js';

const CHUNK = 10_000;

/**
 * Payments for the demo orders (call after the orders are written, in the
 * seed transaction): orders still waiting for payment have a pending one,
 * cancelled orders a voided one, and every order from PAID on a captured one
 * (cash at the till, the marketplace's payout, a sandbox card online), so
 * the reconciliation report starts empty. Ids derive from the order ids.
 */
export async function seedPayments(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.orders, CHUNK)) {
    const ids = sql.param(batch.map((o) => o.id));
    await tx.execute(sql`
      insert into ${payment} (id, order_id, provider, method, status, amount_minor, currency_code,
                              provider_reference, card_brand, card_last4, created_at, updated_at)
      select md5(o.id::text || ':payment')::uuid, o.id,
        (case when o.channel in ('POINT_OF_SALE', 'MARKETPLACE') then 'MANUAL' else 'SANDBOX' end)::orders.payment_provider,
        (case o.channel when 'POINT_OF_SALE' then 'CASH' when 'MARKETPLACE' then 'MARKETPLACE' else 'CARD' end)::orders.payment_method,
        (case o.status when 'PENDING_PAYMENT' then 'PENDING' when 'CANCELLED' then 'VOIDED' else 'CAPTURED' end)::orders.payment_status,
        o.total_minor, o.currency_code,
        case when o.channel not in ('POINT_OF_SALE', 'MARKETPLACE') and o.status not in ('PENDING_PAYMENT', 'CANCELLED')
          then 'sbx_auth_' || left(md5(o.id::text), 24) end,
        case when o.channel not in ('POINT_OF_SALE', 'MARKETPLACE') and o.status not in ('PENDING_PAYMENT', 'CANCELLED') then 'VISA' end,
        case when o.channel not in ('POINT_OF_SALE', 'MARKETPLACE') and o.status not in ('PENDING_PAYMENT', 'CANCELLED') then '4242' end,
        o.created_at, o.created_at + interval '5 minutes'
      from ${order} o where o.id = any(${ids}::uuid[])
      on conflict do nothing`);
    // A card payment is authorised, then captured; a manual one is only captured.
    await tx.execute(sql`
      insert into ${paymentTransaction} (id, payment_id, order_id, kind, amount_minor, currency_code,
                                         provider_reference, actor_kind, actor_label, created_at)
      select md5(p.id::text || ':' || k.kind)::uuid, p.id, p.order_id, k.kind::orders.payment_transaction_kind,
        p.amount_minor, p.currency_code,
        case when p.provider = 'SANDBOX' then
          case k.kind when 'AUTHORIZATION' then p.provider_reference else 'sbx_cap_' || left(md5(p.id::text), 24) end end,
        'system', 'Demo data', p.created_at + k.after
      from ${payment} p
      cross join (values ('AUTHORIZATION', interval '0'), ('CAPTURE', interval '5 minutes')) as k(kind, after)
      where p.order_id = any(${ids}::uuid[]) and p.status = 'CAPTURED' and p.amount_minor > 0
        and (p.provider = 'SANDBOX' or k.kind = 'CAPTURE')
      on conflict do nothing`);
  }
}
