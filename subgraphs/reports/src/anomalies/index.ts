// Anomaly alerts: rules per metric, the daily evaluation against a seasonal baseline, and the alert list.
export { EVALUATE_TASK, evaluateDay, NOTIFY_TASK, notifyAnomaly } from './evaluate.js';
export { anomalyAlertAcknowledge, anomalyAlerts, anomalyRules, anomalyRuleUpdate } from './service.js';
export { anomalyAlert, anomalyRule, type AnomalyAlertRow, type AnomalyRuleRow } from './tables.js';
