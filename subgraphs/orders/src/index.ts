// The orders subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { batchTasks } from './batch/index.js';
import { CART_ATTACH_TASK, cartAttachTask } from './cart/index.js';
import { carrierTasks, ensureCarriers } from './carriers/index.js';
import { PUBLISH_ORDER_FACTS_TASK, PUBLISH_REPORT_FACTS_TASK, publishOrderFacts, publishReportFacts } from './facts/index.js';
import { groupBuyTasks } from './group-buys/index.js';
import { AUTO_COMPLETE_TASK, autoComplete, EXPIRE_UNPAID_TASK, expireUnpaid } from './lifecycle/index.js';
import { createLoaders } from './loaders.js';
import { MEMBER_MERGED_TASK, memberMerged } from './member-merge/index.js';
import { paymentTasks } from './payments/index.js';
import { permissions } from './permissions.js';
import { privacyTasks } from './privacy/index.js';
import { EVALUATE_QUALITY_TASK, evaluateQualityTask } from './quality/index.js';
import { resolvers } from './resolvers.js';

export const orders = defineSubgraph({
  name: 'orders',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  // Carriers are data the shop needs before its first shipment, kept in step with the code's list.
  afterMigrate: ensureCarriers,
  tasks: {
    ...paymentTasks,
    ...carrierTasks,
    ...privacyTasks,
    ...groupBuyTasks,
    ...batchTasks,
    [EXPIRE_UNPAID_TASK]: expireUnpaid,
    [AUTO_COMPLETE_TASK]: autoComplete,
    [CART_ATTACH_TASK]: cartAttachTask,
    [PUBLISH_ORDER_FACTS_TASK]: publishOrderFacts,
    [PUBLISH_REPORT_FACTS_TASK]: publishReportFacts,
    [MEMBER_MERGED_TASK]: memberMerged,
    [EVALUATE_QUALITY_TASK]: evaluateQualityTask,
  },
  // Quality alerts also follow after-sales (queueQualityEvaluation); the schedule catches the window moving on.
  schedules: [{ task: EVALUATE_QUALITY_TASK, cron: '*/15 * * * *' }],
});
