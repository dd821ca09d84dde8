// What the rest of members imports about notifications.
export {
  NOTIFY_TASK,
  deliverToMember,
  notifyMember,
  notifyTask,
  type Delivery,
  type MemberNotification,
} from './service.js';
export { TEMPLATES, type TemplateCode, type TemplateParams } from './templates.js';
export { NOTIFY_ON_EVENT_TASK, notifyOnEventTask } from './on-event.js';
export { EVENT_TEMPLATES, type EventTemplateCode } from './event-templates.js';
