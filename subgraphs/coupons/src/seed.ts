// Demo data for coupons: coupons, promotions, storefront content, a running flash sale and a group-buy campaign.
import { chunks, formatMinor, type ChangeRecord, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createPlacement } from './content/placements.js';
import { createFlashSale, setFlashSaleItem } from './flash-sales/service.js';
import { createCampaign } from './group-buys/campaigns.js';
import { promotion } from './promotions/tables.js';
import { coupon } from './tables.js';

/** Writes the demo coupons and promotions in the plan's currency; `tx` is the seed transaction. */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.coupons)) {
    await tx.insert(coupon).values(
      batch.map((c) => ({
        id: c.id, code: c.code, title: c.title, kind: c.kind, value: c.value,
        currencyCode: plan.currencyCode, minimumSpendMinor: c.minimumSpendMinor,
        startsAt: c.startsAt, endsAt: c.endsAt,
      })),
    );
  }
  await tx.insert(promotion).values(demoPromotions(plan.currencyCode));
  await seedContent(tx);
  await seedFlashSaleAndGroupBuy(tx, plan);
}

const DAY = 86_400_000;

/**
 * Two running promotions the console and the mini-program storefront show at once: a 满减 spend ladder and a
 * gold and platinum members' percentage titled for Ramadan. Both are kept to the mini program so the demo's
 * other channels price at list, as the demo orders and the tests reading them expect. Amounts assume 2 decimals.
 */
function demoPromotions(currencyCode: string): (typeof promotion.$inferInsert)[] {
  const now = Date.now();
  return [
    {
      kind: 'TIERED_SPEND', lifecycle: 'ACTIVE', currencyCode, priority: 50,
      titles: { en: 'Spend more, save more', th: 'ยิ่งซื้อยิ่งลด', 'zh-CN': '满减优惠', 'zh-TW': '滿額折抵', ar: 'اشترِ أكثر ووفّر أكثر' },
      spendTiers: [{ thresholdMinor: '100000', offMinor: '5000' }, { thresholdMinor: '300000', offMinor: '20000' }],
      channels: ['MINI_PROGRAM'],
      startsAt: new Date(now - DAY), endsAt: new Date(now + 30 * DAY),
    },
    {
      kind: 'TIER_PRICE', lifecycle: 'ACTIVE', currencyCode, priority: 100, percentBp: 1500, maxDiscountMinor: 50000n,
      titles: { en: 'Ramadan Kareem 15%', th: 'รอมฎอน การีม ลด 15%', 'zh-CN': '斋月快乐 85折', 'zh-TW': '齋月快樂 85折', ar: 'رمضان كريم 15%' },
      channels: ['MINI_PROGRAM'], memberTiers: ['GOLD', 'PLATINUM'], combinable: false,
      startsAt: new Date(now - DAY), endsAt: new Date(now + 14 * DAY),
    },
  ];
}

/** A seed step through the domain's own service (its checks and invariants); a refusal is a bug in the demo. */
function expectOk<T>(what: string, result: { ok: true; value: T } | { ok: false; errors: { code: string }[] }): T {
  if (!result.ok) throw new Error(`demo ${what}: ${result.errors.map((e) => e.code).join(', ')}`);
  return result.value;
}

/** A banner and an announcement the storefronts show from now on, in the shop's five languages, on every channel. */
async function seedContent(tx: Db): Promise<void> {
  const changes: ChangeRecord[] = [];
  expectOk('banner', await createPlacement(tx, 'BANNER', {
    texts: [
      { locale: 'en', title: 'Mid-year sale', body: 'Up to 30% off bestsellers' },
      { locale: 'th', title: 'ลดกลางปี', body: 'สินค้าขายดีลดสูงสุด 30%' },
      { locale: 'zh-CN', title: '年中大促', body: '畅销商品低至七折' },
      { locale: 'zh-TW', title: '年中特賣', body: '暢銷商品最低七折' },
      { locale: 'ar', title: 'تخفيضات منتصف العام', body: 'خصم يصل إلى 30% على الأكثر مبيعًا' },
    ],
    imageUrl: '/demo/banners/mid-year-sale.jpg',
    linkUrl: '/collections/bestsellers',
  }, changes));
  expectOk('announcement', await createPlacement(tx, 'ANNOUNCEMENT', {
    texts: [
      { locale: 'en', title: 'Free standard shipping from 1,000' },
      { locale: 'th', title: 'ส่งฟรีแบบมาตรฐานเมื่อซื้อครบ 1,000' },
      { locale: 'zh-CN', title: '满 1,000 免标准运费' },
      { locale: 'zh-TW', title: '滿 1,000 免標準運費' },
      { locale: 'ar', title: 'شحن عادي مجاني للطلبات من 1,000' },
    ],
  }, changes));
}

const HOUR = 3_600_000;

/**
 * A flash sale running for the next two days on one variant (quota 100, 2 per member, 20% off) and a group-buy
 * campaign of three on another product (25% off, 24 hours to fill). The flash sale is kept to the mini program,
 * like the demo promotions, so the other channels price at list as the demo orders and tests expect; a group
 * price applies only to a checkout that opens or joins a group.
 */
async function seedFlashSaleAndGroupBuy(tx: Db, plan: DemoPlan): Promise<void> {
  const [flashProduct, groupProduct] = plan.products.filter((p) => p.status === 'ACTIVE' && p.variants.length > 0);
  if (!flashProduct || !groupProduct) return;
  const changes: ChangeRecord[] = [];
  const now = Date.now();
  const sale = expectOk('flash sale', await createFlashSale(tx, {
    titles: [
      { locale: 'en', text: 'Midnight flash sale' },
      { locale: 'th', text: 'แฟลชเซลเที่ยงคืน' },
      { locale: 'zh-CN', text: '午夜秒杀' },
      { locale: 'zh-TW', text: '午夜限時搶購' },
      { locale: 'ar', text: 'عرض منتصف الليل السريع' },
    ],
    startsAt: new Date(now - HOUR),
    endsAt: new Date(now + 48 * HOUR),
    channels: ['MINI_PROGRAM'],
    paymentTimeoutMinutes: 10,
  }, changes));
  const variant = flashProduct.variants[0]!;
  expectOk('flash sale item', await setFlashSaleItem(tx, {
    flashSaleId: sale.id, variantId: variant.id, flashPrice: formatMinor((variant.priceMinor * 80n) / 100n, plan.currencyCode), quota: 100, perMemberLimit: 2,
  }, changes));
  const groupVariant = groupProduct.variants[0]!;
  expectOk('group-buy campaign', await createCampaign(tx, {
    productId: groupProduct.id,
    titles: [
      { locale: 'en', text: 'Team up for 25% off' },
      { locale: 'th', text: 'รวมกลุ่มรับส่วนลด 25%' },
      { locale: 'zh-CN', text: '三人成团 立减25%' },
      { locale: 'zh-TW', text: '三人成團 現折25%' },
      { locale: 'ar', text: 'اشترِ مع مجموعة ووفّر 25%' },
    ],
    groupPrice: { amount: formatMinor((groupVariant.priceMinor * 75n) / 100n, plan.currencyCode), currencyCode: plan.currencyCode },
    groupSize: 3,
    fillMinutes: 24 * 60,
    startsAt: new Date(now - HOUR),
    endsAt: new Date(now + 14 * 24 * HOUR),
  }, changes));
}
