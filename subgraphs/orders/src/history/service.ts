// Order history: who acted (actors), appending history entries, locking an order row.
import { eq } from 'drizzle-orm';
import { isId, type Db, type Principal } from '@shop/kit';
import { order, orderHistory, type OrderRow, type OrderStatus } from '../tables.js';

// What every change to an order shares, whichever sub-area makes it (lifecycle, payments, flags,
// notes): who made it, the row lock it starts with and the history entry it leaves. A leaf module,
// so those sub-areas can use it without importing each other.

/** Who changed an order: a person (staff, customer, partner key) or a rule of the system. */
export type OrderActor = { kind: 'staff' | 'customer' | 'partner' | 'system'; id: string | null; label: string };

/** The person behind a request, as order history records them. Guests are customers without an id. */
export function actorOf(principal: Principal): OrderActor {
  switch (principal.kind) {
    case 'staff':
      return { kind: 'staff', id: principal.staffId, label: 'Staff' };
    case 'partner':
      return { kind: 'partner', id: principal.apiKeyId, label: 'API key' };
    case 'customer':
      return { kind: 'customer', id: principal.memberId, label: 'Customer' };
    case 'anonymous':
      return { kind: 'customer', id: null, label: 'Guest' };
  }
}

/** A rule of the system (a job), named in history by what it does. */
export function systemActor(rule: string): OrderActor {
  return { kind: 'system', id: null, label: rule };
}

/** Appends one history entry in the caller's transaction. */
export async function addOrderHistory(
  tx: Db,
  input: {
    orderId: string;
    actor: OrderActor;
    kind: string;
    note?: string | null;
    from?: OrderStatus | null;
    to?: OrderStatus | null;
  },
): Promise<void> {
  await tx.insert(orderHistory).values({
    orderId: input.orderId,
    kind: input.kind,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    fromStatus: input.from ?? null,
    toStatus: input.to ?? null,
    note: input.note ?? null,
  });
}

/** The order, locked for the rest of the transaction; null when there is none. */
export async function lockOrder(tx: Db, orderId: string): Promise<OrderRow | null> {
  if (!isId(orderId)) return null;
  const [row] = await tx.select().from(order).where(eq(order.id, orderId)).for('update');
  return row ?? null;
}
