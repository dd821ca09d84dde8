/**
 * Quality signals: defect returns per product and lot, the rule, and the alerts it raises. After-sales calls
 * queueQualityEvaluation when a request is opened or changes status; the schedule evaluates the rest.
 */
export { evaluateQualityAlerts, evaluateQualityTask } from './evaluate.js';
export { EVALUATE_QUALITY_TASK, queueQualityEvaluation } from './queue.js';
export { DEFAULT_QUALITY_RULE, loadQualityRule } from './settings.js';
export { qualityAlert, qualitySettings, type QualityAlertRow } from './tables.js';
