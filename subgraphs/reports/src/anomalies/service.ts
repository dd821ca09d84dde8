// Anomaly rules and alerts as the console reads and changes them.
import { and, asc, eq, sql } from 'drizzle-orm';
import { changeOf, connectionOf, fail, isId, ok, type ChangeRecord, type ConnectionArgs, type Db, type Principal, type Result } from '@shop/kit';
import { anomalyAlert, anomalyRule, type AnomalyAlertRow, type AnomalyRuleRow } from './tables.js';

export type AnomalyErrorCode = 'NOT_FOUND' | 'RULE_INVALID' | 'NOTE_INVALID' | 'ALREADY_ACKNOWLEDGED';

export function anomalyRules(db: Db): Promise<AnomalyRuleRow[]> {
  return db.select().from(anomalyRule).orderBy(asc(anomalyRule.metric), asc(anomalyRule.direction));
}

/** Alerts newest first, optionally in one status. `db` may be the pool. */
export function anomalyAlerts(db: Db, args: ConnectionArgs & { status?: 'OPEN' | 'ACKNOWLEDGED' | null }) {
  const filter = args.status ? eq(anomalyAlert.status, args.status) : undefined;
  return connectionOf(args, {
    sort: anomalyAlert.raisedAt,
    id: anomalyAlert.id,
    descending: true,
    filter,
    rows: ({ where, orderBy, limit }) => db.select().from(anomalyAlert).where(where).orderBy(...orderBy).limit(limit),
    keyset: (row) => ({ value: row.raisedAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: sql<number>`count(*)::int` }).from(anomalyAlert).where(filter))[0]!.n,
  });
}

const THRESHOLD = { min: 1, max: 20 };
const LOOKBACK = { min: 3, max: 52 };

/** Changes a rule's threshold, look-back or whether it runs. `tx` is the mutation's transaction. */
export async function anomalyRuleUpdate(
  tx: Db,
  input: { id: string; threshold?: number | null; lookbackWeeks?: number | null; enabled?: boolean | null },
  changes: ChangeRecord[],
): Promise<Result<AnomalyRuleRow, AnomalyErrorCode>> {
  const [before] = isId(input.id) ? await tx.select().from(anomalyRule).where(eq(anomalyRule.id, input.id)).for('update') : [];
  if (!before) return fail('NOT_FOUND', 'No anomaly rule has this id.', ['id']);
  if (input.threshold != null && !(input.threshold >= THRESHOLD.min && input.threshold <= THRESHOLD.max)) {
    return fail('RULE_INVALID', `The threshold is ${THRESHOLD.min} to ${THRESHOLD.max} deviations.`, ['threshold']);
  }
  if (input.lookbackWeeks != null && !(input.lookbackWeeks >= LOOKBACK.min && input.lookbackWeeks <= LOOKBACK.max)) {
    return fail('RULE_INVALID', `The look-back is ${LOOKBACK.min} to ${LOOKBACK.max} weeks.`, ['lookbackWeeks']);
  }
  const [after] = await tx
    .update(anomalyRule)
    .set({
      threshold: input.threshold ?? before.threshold,
      lookbackWeeks: input.lookbackWeeks ?? before.lookbackWeeks,
      enabled: input.enabled ?? before.enabled,
      updatedAt: new Date(),
    })
    .where(eq(anomalyRule.id, before.id))
    .returning();
  const change = changeOf('AnomalyRule', before.id, before, after!);
  if (change) changes.push(change);
  return ok(after!);
}

const MAX_NOTE = 2000;

/** Marks an open alert as seen by the staff principal, with an optional note. */
export async function anomalyAlertAcknowledge(
  tx: Db,
  principal: Principal,
  input: { id: string; note?: string | null },
): Promise<Result<AnomalyAlertRow, AnomalyErrorCode>> {
  if (principal.kind !== 'staff' || !isId(input.id)) return fail('NOT_FOUND', 'No alert has this id.', ['id']);
  const note = input.note?.trim() || null;
  if (note && [...note].length > MAX_NOTE) return fail('NOTE_INVALID', `A note has at most ${MAX_NOTE} characters.`, ['note']);
  const [acknowledged] = await tx
    .update(anomalyAlert)
    .set({ status: 'ACKNOWLEDGED', acknowledgedAt: new Date(), acknowledgedBy: principal.staffId, note, updatedAt: new Date() })
    .where(and(eq(anomalyAlert.id, input.id), eq(anomalyAlert.status, 'OPEN')))
    .returning();
  if (acknowledged) return ok(acknowledged);
  const [exists] = await tx.select({ id: anomalyAlert.id }).from(anomalyAlert).where(eq(anomalyAlert.id, input.id));
  return exists ? fail('ALREADY_ACKNOWLEDGED', 'This alert was acknowledged already.', ['id']) : fail('NOT_FOUND', 'No alert has this id.', ['id']);
}
