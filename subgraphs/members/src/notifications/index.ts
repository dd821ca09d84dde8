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
