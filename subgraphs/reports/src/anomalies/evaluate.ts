// The daily evaluation: each enabled rule against its seasonal baseline, an alert at most once per rule and day.
import { eq } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { sendNotification } from '@shop/kit/notify';
import { addDays } from '../schedules/calendar.js';
import { reportText } from '../messages/index.js';
import { dailyValues, isWatchable, WATCHABLE_METRICS } from './daily-values.js';
import { robustDeviation } from './robust.js';
import { anomalyAlert, anomalyRule } from './tables.js';

export const EVALUATE_TASK = 'reports.evaluateAnomalies';
export const NOTIFY_TASK = 'reports.notifyAnomaly';

/**
 * Evaluates every enabled rule on one closed shop day: the day's value against the same weekday of the rule's last
 * `lookbackWeeks` weeks (median and MAD). An alert row is unique per (rule, day) and its notification job is queued
 * in the same transaction, so evaluating a day again raises and sends nothing more. Answers the alerts raised.
 * `db` is the pool.
 */
export async function evaluateDay(db: Db, day: string): Promise<number> {
  const rules = await db.select().from(anomalyRule).where(eq(anomalyRule.enabled, true));
  let raised = 0;
  for (const rule of rules) {
    // A rule on a metric without a daily source yet is kept (the console lists it) but not evaluated.
    if (!isWatchable(rule.metric)) continue;
    const history = Array.from({ length: rule.lookbackWeeks }, (_, week) => addDays(day, -7 * (week + 1)));
    const values = await dailyValues(db, rule.metric, rule.currencyCode, [day, ...history]);
    const value = values.get(day)!;
    const found = robustDeviation(value, history.map((d) => values.get(d)!), { relative: rule.minRelativeSpread, absolute: rule.minSpread });
    if (!found) continue;
    const alerting = rule.direction === 'DROP' ? found.deviation <= -rule.threshold : found.deviation >= rule.threshold;
    if (!alerting) continue;
    const shown = (x: number) => WATCHABLE_METRICS[rule.metric as keyof typeof WATCHABLE_METRICS](x, rule.currencyCode);
    await db.transaction(async (tx) => {
      const [alert] = await tx
        .insert(anomalyAlert)
        .values({ ruleId: rule.id, metric: rule.metric, direction: rule.direction, day, value: shown(value), baseline: shown(found.baseline), deviation: found.deviation })
        .onConflictDoNothing()
        .returning({ id: anomalyAlert.id });
      if (!alert) return;
      await enqueue(tx, NOTIFY_TASK, { alertId: alert.id }, { jobKey: `anomaly-notify:${alert.id}` });
      raised++;
    });
  }
  return raised;
}

/**
 * Mails one alert to REPORT_ALERT_EMAIL (a staff or shop mailbox the operator configures) in REPORT_MAIL_LOCALE.
 * Without an address the alert stays in the console's list only. Throws when sending fails (the job retries).
 */
export async function notifyAnomaly(db: Db, alertId: string): Promise<void> {
  const to = process.env.REPORT_ALERT_EMAIL;
  if (!to) {
    log.info({ alertId }, 'anomaly alert raised; no REPORT_ALERT_EMAIL to mail it to');
    return;
  }
  const [alert] = await db.select().from(anomalyAlert).where(eq(anomalyAlert.id, alertId));
  if (!alert) return;
  const { subject, text } = reportText('anomalyAlert', process.env.REPORT_MAIL_LOCALE, {
    metric: alert.metric, day: alert.day, value: alert.value, baseline: alert.baseline, direction: alert.direction,
  });
  await sendNotification({ channel: 'email', to, subject, text });
}
