/** FlashSaleErrorCode values with a translation in flashSaleErrors (messages/<locale>/flashSales.json). */
export const FLASH_SALE_ERROR_CODES = [
  'FLASH_SALE_NOT_FOUND',
  'FLASH_SALE_ARCHIVED',
  'ITEM_NOT_FOUND',
  'INVALID_TITLE',
  'INVALID_WINDOW',
  'INVALID_CHANNEL',
  'INVALID_TIMEOUT',
  'VARIANT_NOT_FOUND',
  'INVALID_PRICE',
  'INVALID_QUOTA',
  'INVALID_LIMIT',
  'VARIANT_IN_OVERLAPPING_SALE',
] as const;

export const FLASH_SALE_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export const FLASH_SALE_CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;
