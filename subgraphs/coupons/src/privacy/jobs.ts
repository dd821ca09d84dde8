// Coupons' privacy tasks, enqueued by members: export (or erase) the member's marketing records, then report the part done.
import { privacyTasksOf } from '@shop/kit/privacy-parts';
import { eraseMemberMarketing, memberMarketingExport } from './service.js';

export const privacyTasks = privacyTasksOf('coupons', { collect: memberMarketingExport, erase: eraseMemberMarketing });
