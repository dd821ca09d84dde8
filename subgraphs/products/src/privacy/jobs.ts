// Products' privacy tasks, enqueued by members: export or erase the member's reviews, then report the part done.
import { privacyTasksOf } from '@shop/kit/privacy-parts';
import { eraseMemberReviews, memberReviewsExport } from './service.js';

export const privacyTasks = privacyTasksOf('products', { collect: memberReviewsExport, erase: eraseMemberReviews });
