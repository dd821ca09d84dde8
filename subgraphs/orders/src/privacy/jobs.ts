// Orders' privacy tasks, enqueued by members (which may not import orders): export or erase, then report the part done.
import { privacyTasksOf } from '@shop/kit/privacy-parts';
import { eraseMemberOrders, memberOrdersExport } from './service.js';

export const privacyTasks = privacyTasksOf('orders', { collect: memberOrdersExport, erase: eraseMemberOrders });
