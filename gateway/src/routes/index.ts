import { couponCodesExport } from './coupon-codes-export.js';
import { documentsDownload } from './documents.js';
import { mediaFile, mediaUpload } from './media.js';
import { memberExportDownload } from './member-export.js';
import { orderExportDownload } from './order-export.js';
import { productExport } from './product-export.js';
import { productImportErrors, productImportUpload } from './product-import.js';
import { returnPhotoFile, returnPhotoUpload } from './return-photos.js';
import { reportExportDownload } from './report-export.js';
import { sandboxCarrierWebhook } from './carrier-webhook.js';
import { sandboxPaymentWebhook } from './payment-webhook.js';
import type { GatewayRoute } from './route.js';

/** Every route, in the order they are matched. */
export const ROUTES: GatewayRoute[] = [mediaUpload, mediaFile, sandboxPaymentWebhook, sandboxCarrierWebhook, productImportUpload, productImportErrors, productExport, memberExportDownload, couponCodesExport, documentsDownload, orderExportDownload, returnPhotoUpload, returnPhotoFile, reportExportDownload];
