// Anomaly rules per metric and the alerts they raise, one per rule and shop day.
import { boolean, char, date, doublePrecision, index, integer, numeric, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { reports } from '../tables.js';

export const anomalyRule = reports.table(
  'anomaly_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A ReportMetric of the catalog (GMV, ORDERS, …). */
    metric: text('metric').notNull(),
    /** DROP | SPIKE: which side of the baseline alerts. */
    direction: text('direction').notNull(),
    /** How many robust deviations (scaled MADs) from the baseline alert. */
    threshold: doublePrecision('threshold').notNull().default(3.5),
    /** The baseline is the same weekday over this many past weeks. */
    lookbackWeeks: integer('lookback_weeks').notNull().default(8),
    /**
     * The smallest spread, as a share of the baseline, a deviation is measured in: a flat history has a MAD of 0,
     * and without a floor any change at all would alert.
     */
    minRelativeSpread: doublePrecision('min_relative_spread').notNull().default(0.1),
    /**
     * The smallest spread in the metric's own unit (minor units, a count, a ratio): a history flat at zero (no refunds
     * for weeks) still alerts on a real spike, never on one refund.
     */
    minSpread: doublePrecision('min_spread').notNull().default(1),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('anomaly_rule_metric_key').on(t.metric, t.direction, t.currencyCode)],
);

export const anomalyAlert = reports.table(
  'anomaly_alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id').notNull().references(() => anomalyRule.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    direction: text('direction').notNull(),
    /** The shop day evaluated. */
    day: date('day', { mode: 'string' }).notNull(),
    /** The day's value and the baseline, in the metric's unit (money in major units, as the API shows it). */
    value: numeric('value', { mode: 'string' }).notNull(),
    baseline: numeric('baseline', { mode: 'string' }).notNull(),
    /** Robust deviations from the baseline (negative below it). */
    deviation: doublePrecision('deviation').notNull(),
    /** OPEN | ACKNOWLEDGED. */
    status: text('status').notNull().default('OPEN'),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    /** Staff id (access's); staff identity class. */
    acknowledgedBy: text('acknowledged_by'),
    /** Internal note class. */
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  // Once per rule and day, whatever reruns the evaluation.
  (t) => [unique('anomaly_alert_rule_day_key').on(t.ruleId, t.day), index('anomaly_alert_status_idx').on(t.status, t.raisedAt)],
);

export type AnomalyRuleRow = typeof anomalyRule.$inferSelect;
export type AnomalyAlertRow = typeof anomalyAlert.$inferSelect;
