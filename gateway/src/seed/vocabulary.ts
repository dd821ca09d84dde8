import { CATALOG_WORDS } from '@shop/kit/demo-plan';

/** Names and product words in the shop's four languages, for realistic demo data. */
export const PEOPLE = {
  en: { given: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Mia', 'Lucas'], family: ['Smith', 'Brown', 'Wilson', 'Taylor', 'Clarke', 'Walker'] },
  zh: { given: ['伟', '芳', '娜', '秀英', '敏', '静', '磊', '洋', '婷', '杰'], family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'] },
  th: { given: ['สมชาย', 'สมหญิง', 'ประเสริฐ', 'วิไล', 'ธนา', 'กนกวรรณ', 'อนุชา', 'ปรียา'], family: ['ศรีสุข', 'ใจดี', 'วงศ์สวัสดิ์', 'บุญมา', 'ทองคำ', 'แสงทอง'] },
  ar: { given: ['محمد', 'فاطمة', 'أحمد', 'مريم', 'عمر', 'نورة', 'خالد', 'ليلى'], family: ['العتيبي', 'الحربي', 'القحطاني', 'الشمري', 'الزهراني', 'المنصوري'] },
} as const;

export type Language = keyof typeof PEOPLE;

/** Product words per seed language; the catalog's own word list (with its translations) is the source. */
export const PRODUCT_WORDS: Record<Language, { readonly adjectives: readonly string[]; readonly nouns: readonly string[] }> = {
  en: CATALOG_WORDS.en,
  zh: CATALOG_WORDS['zh-CN'],
  th: CATALOG_WORDS.th,
  ar: CATALOG_WORDS.ar,
};
export const VARIANT_AXES = {
  size: ['S', 'M', 'L', 'XL'],
  colour: ['Black', 'White', 'Red', 'Jade'],
};

export const WAREHOUSES = [
  { code: 'BKK-1', name: 'Bangkok Central / คลังกรุงเทพ' },
  { code: 'SHA-1', name: 'Shanghai Pudong / 上海浦东仓' },
  { code: 'DXB-1', name: 'Dubai Jebel Ali / مستودع جبل علي' },
];
