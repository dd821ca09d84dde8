// What shopSettingsUpdate says when it refuses a value, in the shop's five languages (from the code alone).
import type { Locale } from '@shop/kit';

export type SettingsErrorCode = 'UNKNOWN_TIME_ZONE' | 'UNSUPPORTED_CURRENCY' | 'INVALID';

export const SETTINGS_MESSAGES: Record<Locale, Record<SettingsErrorCode, string>> = {
  en: {
    UNKNOWN_TIME_ZONE: 'Not a time zone name such as Asia/Bangkok.',
    UNSUPPORTED_CURRENCY: 'The shop cannot keep money in this currency.',
    INVALID: 'The week starts on a day from 1 (Monday) to 7 (Sunday).',
  },
  th: {
    UNKNOWN_TIME_ZONE: 'ไม่ใช่ชื่อเขตเวลา เช่น Asia/Bangkok',
    UNSUPPORTED_CURRENCY: 'ร้านค้าไม่สามารถใช้สกุลเงินนี้ได้',
    INVALID: 'วันเริ่มต้นสัปดาห์ต้องเป็น 1 (วันจันทร์) ถึง 7 (วันอาทิตย์)',
  },
  'zh-CN': {
    UNKNOWN_TIME_ZONE: '不是时区名称，例如 Asia/Bangkok。',
    UNSUPPORTED_CURRENCY: '店铺无法使用此货币记账。',
    INVALID: '每周起始日须为 1（星期一）至 7（星期日）。',
  },
  'zh-TW': {
    UNKNOWN_TIME_ZONE: '不是時區名稱，例如 Asia/Bangkok。',
    UNSUPPORTED_CURRENCY: '商店無法使用此貨幣記帳。',
    INVALID: '每週起始日須為 1（星期一）至 7（星期日）。',
  },
  ar: {
    UNKNOWN_TIME_ZONE: 'ليس اسم منطقة زمنية مثل Asia/Bangkok.',
    UNSUPPORTED_CURRENCY: 'لا يمكن للمتجر حفظ المبالغ بهذه العملة.',
    INVALID: 'يبدأ الأسبوع بيوم من 1 (الاثنين) إلى 7 (الأحد).',
  },
};
