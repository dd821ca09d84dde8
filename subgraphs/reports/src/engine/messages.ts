// What the engine says to people, in the shop's five languages: refusal messages and labels of fixed keys.
import type { Locale } from '@shop/kit';

export type ReportMessageCode =
  | 'RANGE_INVALID' | 'RANGE_REVERSED' | 'RANGE_TOO_LONG' | 'METRICS_COUNT' | 'DIMENSIONS_COUNT' | 'DUPLICATE'
  | 'UNSUPPORTED_SPLIT' | 'FILTER_VALUES_COUNT' | 'UNKNOWN_FILTER_VALUE' | 'SORT_NOT_A_METRIC' | 'FIRST_OUT_OF_RANGE'
  | 'METRIC_FORBIDDEN' | 'DIMENSION_FORBIDDEN';

type Params = Record<string, string | number>;

// Keys and enum names stay Latin inside Arabic text: an isolate keeps them from reordering the sentence.
const iso = (value: string | number | undefined) => `\u2068${value ?? ''}\u2069`;

const MESSAGES: Record<Locale, Record<ReportMessageCode, (p: Params) => string>> = {
  en: {
    RANGE_INVALID: () => 'Give the range as two shop days written YYYY-MM-DD.',
    RANGE_REVERSED: () => 'The range starts after it ends.',
    RANGE_TOO_LONG: (p) => `A report covers at most ${p.max} days.`,
    METRICS_COUNT: (p) => `Choose between 1 and ${p.max} metrics.`,
    DIMENSIONS_COUNT: (p) => `Choose at most ${p.max} dimensions.`,
    DUPLICATE: (p) => `${p.name} is listed twice.`,
    UNSUPPORTED_SPLIT: (p) => `${p.metric} cannot be split or filtered by ${p.dimension}.`,
    FILTER_VALUES_COUNT: (p) => `A filter takes between 1 and ${p.max} values.`,
    UNKNOWN_FILTER_VALUE: (p) => `"${p.value}" is not a known ${p.dimension} key.`,
    SORT_NOT_A_METRIC: (p) => `Sort by one of the report's metrics; ${p.metric} is not one.`,
    FIRST_OUT_OF_RANGE: (p) => `The row limit must be between 1 and ${p.max}.`,
    METRIC_FORBIDDEN: (p) => `You may not read the metric ${p.metric}.`,
    DIMENSION_FORBIDDEN: (p) => `You may not split or filter by ${p.dimension}.`,
  },
  th: {
    RANGE_INVALID: () => 'ระบุช่วงวันที่เป็นวันของร้านสองวันในรูปแบบ YYYY-MM-DD',
    RANGE_REVERSED: () => 'วันเริ่มต้นอยู่หลังวันสิ้นสุด',
    RANGE_TOO_LONG: (p) => `รายงานครอบคลุมได้ไม่เกิน ${p.max} วัน`,
    METRICS_COUNT: (p) => `เลือกตัวชี้วัด 1 ถึง ${p.max} รายการ`,
    DIMENSIONS_COUNT: (p) => `เลือกมิติได้ไม่เกิน ${p.max} รายการ`,
    DUPLICATE: (p) => `${p.name} ถูกระบุซ้ำ`,
    UNSUPPORTED_SPLIT: (p) => `ไม่สามารถแยกหรือกรอง ${p.metric} ตาม ${p.dimension} ได้`,
    FILTER_VALUES_COUNT: (p) => `ตัวกรองต้องมีค่า 1 ถึง ${p.max} ค่า`,
    UNKNOWN_FILTER_VALUE: (p) => `"${p.value}" ไม่ใช่คีย์ ${p.dimension} ที่รู้จัก`,
    SORT_NOT_A_METRIC: (p) => `เรียงตามตัวชี้วัดของรายงานเท่านั้น ${p.metric} ไม่อยู่ในรายงาน`,
    FIRST_OUT_OF_RANGE: (p) => `จำนวนแถวต้องอยู่ระหว่าง 1 ถึง ${p.max}`,
    METRIC_FORBIDDEN: (p) => `คุณไม่มีสิทธิ์ดูตัวชี้วัด ${p.metric}`,
    DIMENSION_FORBIDDEN: (p) => `คุณไม่มีสิทธิ์แยกหรือกรองตาม ${p.dimension}`,
  },
  'zh-CN': {
    RANGE_INVALID: () => '请以两个 YYYY-MM-DD 格式的店铺日期给出范围。',
    RANGE_REVERSED: () => '范围的开始日期晚于结束日期。',
    RANGE_TOO_LONG: (p) => `报表最多涵盖 ${p.max} 天。`,
    METRICS_COUNT: (p) => `请选择 1 到 ${p.max} 个指标。`,
    DIMENSIONS_COUNT: (p) => `最多选择 ${p.max} 个维度。`,
    DUPLICATE: (p) => `${p.name} 重复列出。`,
    UNSUPPORTED_SPLIT: (p) => `${p.metric} 不能按 ${p.dimension} 拆分或筛选。`,
    FILTER_VALUES_COUNT: (p) => `筛选条件需要 1 到 ${p.max} 个值。`,
    UNKNOWN_FILTER_VALUE: (p) => `“${p.value}”不是已知的 ${p.dimension} 键。`,
    SORT_NOT_A_METRIC: (p) => `只能按报表中的指标排序；${p.metric} 不在其中。`,
    FIRST_OUT_OF_RANGE: (p) => `行数上限必须在 1 到 ${p.max} 之间。`,
    METRIC_FORBIDDEN: (p) => `您无权查看指标 ${p.metric}。`,
    DIMENSION_FORBIDDEN: (p) => `您无权按 ${p.dimension} 拆分或筛选。`,
  },
  'zh-TW': {
    RANGE_INVALID: () => '請以兩個 YYYY-MM-DD 格式的商店日期提供範圍。',
    RANGE_REVERSED: () => '範圍的開始日期晚於結束日期。',
    RANGE_TOO_LONG: (p) => `報表最多涵蓋 ${p.max} 天。`,
    METRICS_COUNT: (p) => `請選擇 1 到 ${p.max} 個指標。`,
    DIMENSIONS_COUNT: (p) => `最多選擇 ${p.max} 個維度。`,
    DUPLICATE: (p) => `${p.name} 重複列出。`,
    UNSUPPORTED_SPLIT: (p) => `${p.metric} 無法依 ${p.dimension} 拆分或篩選。`,
    FILTER_VALUES_COUNT: (p) => `篩選條件需要 1 到 ${p.max} 個值。`,
    UNKNOWN_FILTER_VALUE: (p) => `「${p.value}」不是已知的 ${p.dimension} 鍵。`,
    SORT_NOT_A_METRIC: (p) => `只能依報表中的指標排序；${p.metric} 不在其中。`,
    FIRST_OUT_OF_RANGE: (p) => `列數上限必須介於 1 到 ${p.max} 之間。`,
    METRIC_FORBIDDEN: (p) => `您無權檢視指標 ${p.metric}。`,
    DIMENSION_FORBIDDEN: (p) => `您無權依 ${p.dimension} 拆分或篩選。`,
  },
  ar: {
    RANGE_INVALID: () => 'أدخل النطاق كيومين من أيام المتجر بصيغة YYYY-MM-DD.',
    RANGE_REVERSED: () => 'يبدأ النطاق بعد نهايته.',
    RANGE_TOO_LONG: (p) => `يغطي التقرير ${iso(p.max)} يومًا على الأكثر.`,
    METRICS_COUNT: (p) => `اختر من 1 إلى ${iso(p.max)} من المقاييس.`,
    DIMENSIONS_COUNT: (p) => `اختر ${iso(p.max)} من الأبعاد على الأكثر.`,
    DUPLICATE: (p) => `${iso(p.name)} مذكور مرتين.`,
    UNSUPPORTED_SPLIT: (p) => `لا يمكن تقسيم ${iso(p.metric)} أو تصفيته حسب ${iso(p.dimension)}.`,
    FILTER_VALUES_COUNT: (p) => `يقبل عامل التصفية من 1 إلى ${iso(p.max)} من القيم.`,
    UNKNOWN_FILTER_VALUE: (p) => `"${iso(p.value)}" ليس مفتاحًا معروفًا لـ ${iso(p.dimension)}.`,
    SORT_NOT_A_METRIC: (p) => `رتّب حسب أحد مقاييس التقرير؛ ${iso(p.metric)} ليس منها.`,
    FIRST_OUT_OF_RANGE: (p) => `يجب أن يكون حد الصفوف بين 1 و${iso(p.max)}.`,
    METRIC_FORBIDDEN: (p) => `لا يحق لك قراءة المقياس ${iso(p.metric)}.`,
    DIMENSION_FORBIDDEN: (p) => `لا يحق لك التقسيم أو التصفية حسب ${iso(p.dimension)}.`,
  },
};

/** A refusal's message in the caller's language. */
export function reportMessage(locale: Locale, code: ReportMessageCode, params: Params = {}): string {
  return MESSAGES[locale][code](params);
}

type FixedLabel = 'ONLINE_STORE' | 'MINI_PROGRAM' | 'MOBILE_APP' | 'POINT_OF_SALE' | 'MARKETPLACE' | 'UNKNOWN' | 'DIRECT' | 'NO_CAMPAIGN';

const LABELS: Record<Locale, Record<FixedLabel, string>> = {
  en: { ONLINE_STORE: 'Online store', MINI_PROGRAM: 'Mini program', MOBILE_APP: 'Mobile app', POINT_OF_SALE: 'Point of sale', MARKETPLACE: 'Marketplace', UNKNOWN: 'Unknown', DIRECT: 'Direct', NO_CAMPAIGN: 'No campaign' },
  th: { ONLINE_STORE: 'ร้านค้าออนไลน์', MINI_PROGRAM: 'มินิโปรแกรม', MOBILE_APP: 'แอปมือถือ', POINT_OF_SALE: 'หน้าร้าน', MARKETPLACE: 'มาร์เก็ตเพลส', UNKNOWN: 'ไม่ทราบ', DIRECT: 'เข้าตรง', NO_CAMPAIGN: 'ไม่มีแคมเปญ' },
  'zh-CN': { ONLINE_STORE: '网店', MINI_PROGRAM: '小程序', MOBILE_APP: '移动应用', POINT_OF_SALE: '门店收银', MARKETPLACE: '电商平台', UNKNOWN: '未知', DIRECT: '直接访问', NO_CAMPAIGN: '无活动' },
  'zh-TW': { ONLINE_STORE: '網路商店', MINI_PROGRAM: '小程式', MOBILE_APP: '行動應用程式', POINT_OF_SALE: '門市收銀', MARKETPLACE: '電商平台', UNKNOWN: '未知', DIRECT: '直接造訪', NO_CAMPAIGN: '無活動' },
  ar: { ONLINE_STORE: 'المتجر الإلكتروني', MINI_PROGRAM: 'البرنامج المصغّر', MOBILE_APP: 'تطبيق الجوال', POINT_OF_SALE: 'نقطة البيع', MARKETPLACE: 'السوق الإلكترونية', UNKNOWN: 'غير معروف', DIRECT: 'مباشر', NO_CAMPAIGN: 'بلا حملة' },
};

/** The sales channels orders knows; a filter on another value is refused. */
export const CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;

/** The label of a channel, or of an empty key ("unknown", "direct", "no campaign" by dimension). */
export function fixedLabel(locale: Locale, label: FixedLabel): string {
  return LABELS[locale][label];
}

export function isChannel(value: string): value is (typeof CHANNELS)[number] {
  return (CHANNELS as readonly string[]).includes(value);
}
