/**
 * The demo data set, generated once (deterministically) by gateway/src/seed and
 * handed to each domain's src/seed.ts, which writes only its own tables.
 * Ids are uuids chosen by the generator so that domains agree without joins.
 */
export interface DemoPlan {
  currencyCode: string;
  products: DemoProduct[];
  warehouses: DemoWarehouse[];
  /** Stock per variant per warehouse. */
  levels: { variantId: string; warehouseId: string; onHand: number }[];
  members: DemoMember[];
  orders: DemoOrder[];
  coupons: DemoCoupon[];
}

export interface DemoProduct {
  id: string;
  title: string;
  handle: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  createdAt: Date;
  variants: DemoVariant[];
}

export interface DemoVariant {
  id: string;
  sku: string;
  title: string;
  priceMinor: bigint;
  /** About 55% of the price: margins the owner sees and a catalog manager must not. */
  costMinor: bigint;
  position: number;
}

export interface DemoWarehouse {
  id: string;
  code: string;
  name: string;
  priority: number;
}

export interface DemoMember {
  id: string;
  displayName: string;
  email: string;
  phone: string;
  tier: 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';
  points: number;
  createdAt: Date;
}

export type DemoChannel = 'ONLINE_STORE' | 'MINI_PROGRAM' | 'MOBILE_APP' | 'POINT_OF_SALE' | 'MARKETPLACE';

export type DemoOrderStatus =
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'FULFILLING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED';

export interface DemoOrder {
  id: string;
  number: string;
  memberId: string;
  channel: DemoChannel;
  status: DemoOrderStatus;
  createdAt: Date;
  totalMinor: bigint;
  lines: { id: string; variantId: string; sku: string; title: string; quantity: number; unitPriceMinor: bigint }[];
}

export interface DemoCoupon {
  id: string;
  code: string;
  title: string;
  kind: 'PERCENTAGE' | 'FIXED_AMOUNT';
  /** Percent for PERCENTAGE, minor units for FIXED_AMOUNT. */
  value: bigint;
  minimumSpendMinor: bigint;
  startsAt: Date;
  endsAt: Date;
}

/** Rows per INSERT when seeding: well under postgres.js's 65,534 bind parameters. */
export const SEED_CHUNK = 2000;

export function chunks<T>(rows: T[], size = SEED_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The demo catalog's words by locale, index-aligned across locales (nouns[i]
 * is the same thing in every language), so the products seed can translate a
 * generated title. th, zh-CN and ar titles are generated in their own language.
 */
export const CATALOG_WORDS = {
  en: {
    adjectives: ['Classic', 'Organic', 'Premium', 'Everyday', 'Lightweight', 'Handmade'],
    nouns: ['Cotton T-Shirt', 'Jasmine Rice', 'Silk Scarf', 'Green Tea', 'Running Shoes', 'Leather Wallet', 'Coconut Oil', 'Ceramic Mug'],
  },
  'zh-CN': {
    adjectives: ['经典', '有机', '高级', '日常', '轻便', '手工'],
    nouns: ['棉质T恤', '茉莉香米', '真丝围巾', '绿茶', '跑步鞋', '真皮钱包', '椰子油', '陶瓷杯'],
  },
  'zh-TW': {
    adjectives: ['經典', '有機', '高級', '日常', '輕便', '手工'],
    nouns: ['棉質T恤', '茉莉香米', '真絲圍巾', '綠茶', '跑步鞋', '真皮錢包', '椰子油', '陶瓷杯'],
  },
  th: {
    adjectives: ['คลาสสิก', 'ออร์แกนิก', 'พรีเมียม', 'ทุกวัน', 'น้ำหนักเบา', 'ทำมือ'],
    nouns: ['เสื้อยืดผ้าฝ้าย', 'ข้าวหอมมะลิ', 'ผ้าพันคอไหม', 'ชาเขียว', 'รองเท้าวิ่ง', 'กระเป๋าสตางค์หนัง', 'น้ำมันมะพร้าว', 'แก้วเซรามิก'],
  },
  ar: {
    adjectives: ['كلاسيكي', 'عضوي', 'فاخر', 'يومي', 'خفيف', 'مصنوع يدويًا'],
    nouns: ['قميص قطني', 'أرز الياسمين', 'وشاح حريري', 'شاي أخضر', 'حذاء جري', 'محفظة جلدية', 'زيت جوز الهند', 'كوب خزفي'],
  },
} as const;
