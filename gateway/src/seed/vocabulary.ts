/** Names and product words in the shop's four languages, for realistic demo data. */
export const PEOPLE = {
  en: { given: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Mia', 'Lucas'], family: ['Smith', 'Brown', 'Wilson', 'Taylor', 'Clarke', 'Walker'] },
  zh: { given: ['伟', '芳', '娜', '秀英', '敏', '静', '磊', '洋', '婷', '杰'], family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'] },
  th: { given: ['สมชาย', 'สมหญิง', 'ประเสริฐ', 'วิไล', 'ธนา', 'กนกวรรณ', 'อนุชา', 'ปรียา'], family: ['ศรีสุข', 'ใจดี', 'วงศ์สวัสดิ์', 'บุญมา', 'ทองคำ', 'แสงทอง'] },
  ar: { given: ['محمد', 'فاطمة', 'أحمد', 'مريم', 'عمر', 'نورة', 'خالد', 'ليلى'], family: ['العتيبي', 'الحربي', 'القحطاني', 'الشمري', 'الزهراني', 'المنصوري'] },
} as const;

export type Language = keyof typeof PEOPLE;

export const PRODUCT_WORDS: Record<Language, { adjectives: string[]; nouns: string[] }> = {
  en: { adjectives: ['Classic', 'Organic', 'Premium', 'Everyday', 'Lightweight', 'Handmade'], nouns: ['Cotton T-Shirt', 'Jasmine Rice', 'Silk Scarf', 'Green Tea', 'Running Shoes', 'Leather Wallet', 'Coconut Oil', 'Ceramic Mug'] },
  zh: { adjectives: ['经典', '有机', '高级', '日常', '轻便', '手工'], nouns: ['棉质T恤', '茉莉香米', '真丝围巾', '绿茶', '跑步鞋', '真皮钱包', '椰子油', '陶瓷杯'] },
  th: { adjectives: ['คลาสสิก', 'ออร์แกนิก', 'พรีเมียม', 'ทุกวัน', 'น้ำหนักเบา', 'ทำมือ'], nouns: ['เสื้อยืดผ้าฝ้าย', 'ข้าวหอมมะลิ', 'ผ้าพันคอไหม', 'ชาเขียว', 'รองเท้าวิ่ง', 'กระเป๋าสตางค์หนัง', 'น้ำมันมะพร้าว', 'แก้วเซรามิก'] },
  ar: { adjectives: ['كلاسيكي', 'عضوي', 'فاخر', 'يومي', 'خفيف', 'مصنوع يدويًا'], nouns: ['قميص قطني', 'أرز الياسمين', 'وشاح حريري', 'شاي أخضر', 'حذاء جري', 'محفظة جلدية', 'زيت جوز الهند', 'كوب خزفي'] },
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
