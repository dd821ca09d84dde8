// Demo data for products.
import { createHash } from 'node:crypto';
import { chunks, type Db } from '@shop/kit';
import { CATALOG_WORDS, type DemoPlan, type DemoProduct } from '@shop/kit/demo-plan';
import { category, productCategory } from './categories/index.js';
import { collection, collectionProduct } from './collections/index.js';
import { purchase, review } from './reviews/index.js';
import { brand, product, productTranslation, variant } from './tables.js';

type WordLocale = keyof typeof CATALOG_WORDS;

/** A uuid derived from a name: the seed stays deterministic without drawing from the plan's random sequence. */
function stableId(name: string): string {
  const hex = createHash('sha256').update(`demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Category tree (name, handle, children); each demo noun is filed under one leaf. */
const TREE = [
  { name: 'Apparel', handle: 'apparel', children: [
    { name: 'Tops', handle: 'tops', children: [{ name: 'T-Shirts', handle: 't-shirts', children: [] }] },
    { name: 'Accessories', handle: 'accessories', children: [
      { name: 'Scarves', handle: 'scarves', children: [] },
      { name: 'Wallets', handle: 'wallets', children: [] },
    ] },
  ] },
  { name: 'Food & Drink', handle: 'food-drink', children: [
    { name: 'Rice', handle: 'rice', children: [] },
    { name: 'Tea', handle: 'tea', children: [] },
    { name: 'Oils', handle: 'oils', children: [] },
  ] },
  { name: 'Home', handle: 'home', children: [{ name: 'Kitchen', handle: 'kitchen', children: [{ name: 'Mugs', handle: 'mugs', children: [] }] }] },
  { name: 'Sports', handle: 'sports', children: [{ name: 'Footwear', handle: 'footwear', children: [{ name: 'Running', handle: 'running', children: [] }] }] },
];
/** Leaf handle per noun index of CATALOG_WORDS. */
const NOUN_CATEGORY = ['t-shirts', 'rice', 'scarves', 'tea', 'running', 'wallets', 'oils', 'mugs'];
const BRANDS = ['Siam Craft', 'Lotus & Co.', 'Golden Dragon', 'Oasis Living', 'Northwind'];
const REVIEW_BODIES = [
  'Exactly as described, fast delivery.',
  'คุณภาพดีมาก จะซื้ออีกแน่นอน',
  '质量很好，物流也快。',
  'منتج رائع وسعر مناسب.',
  'Good value, but the colour is a little darker than the photo.',
];

/** The title's adjective and noun indexes, found in whichever locale it was generated in. */
function parseTitle(title: string): { adjective: number; noun: number } | null {
  for (const words of Object.values(CATALOG_WORDS)) {
    const adjective = words.adjectives.findIndex((a) => title.startsWith(`${a} `));
    const noun = words.nouns.findIndex((n) => title.endsWith(` ${n}`));
    if (adjective >= 0 && noun >= 0) return { adjective, noun };
  }
  return null;
}

/** "S / Black" variant titles become Size and Colour options. */
function optionsOf(p: DemoProduct) {
  const values = p.variants.map((v) => v.title.split(' / '));
  const axis = (i: number) => [...new Set(values.map((parts) => parts[i]!))];
  return { options: [{ name: 'Size', values: axis(0) }, { name: 'Colour', values: axis(1) }], values };
}

/**
 * Writes the demo catalog; `tx` is the seed transaction. Beyond the plan's
 * products it derives (deterministically, from ids and titles) a category
 * tree, brands, options, translations, collections, the purchases of the
 * plan's orders and a few reviews. in_stock follows the plan's stock levels
 * (nothing is reserved at seed time), as the stock feed would set it.
 */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  const categoryIds = await seedCategories(tx);
  const brandIds = BRANDS.map((name) => stableId(`brand:${name}`));
  await tx.insert(brand).values(BRANDS.map((name, i) => ({ id: brandIds[i]!, name })));
  await seedProducts(tx, plan, brandIds);
  const parsed = plan.products.map((p) => parseTitle(p.title));
  const links = plan.products.flatMap((p, i) => {
    const words = parsed[i];
    return words ? [{ productId: p.id, categoryId: categoryIds.get(NOUN_CATEGORY[words.noun]!)! }] : [];
  });
  for (const batch of chunks(links)) await tx.insert(productCategory).values(batch);
  await seedTranslations(tx, plan, parsed);
  await seedCollections(tx, plan);
  const purchases = await seedPurchases(tx, plan);
  await seedReviews(tx, purchases);
}

/** The category tree; returns each category's id by handle. */
async function seedCategories(tx: Db): Promise<Map<string, string>> {
  const categoryIds = new Map<string, string>();
  const categories: (typeof category.$inferInsert)[] = [];
  const walk = (nodes: typeof TREE, path: string[]) =>
    nodes.forEach((node, position) => {
      const id = stableId(`category:${node.handle}`);
      categoryIds.set(node.handle, id);
      categories.push({ id, name: node.name, handle: node.handle, parentId: path.at(-1) ?? null, path: [...path, id], position });
      walk(node.children as typeof TREE, [...path, id]);
    });
  walk(TREE, []);
  await tx.insert(category).values(categories);
  return categoryIds;
}

/** The plan's products and variants, with options, tags, lowest price and stock flags derived. */
async function seedProducts(tx: Db, plan: DemoPlan, brandIds: readonly string[]): Promise<void> {
  const available = new Map<string, number>();
  for (const level of plan.levels) available.set(level.variantId, (available.get(level.variantId) ?? 0) + level.onHand);
  const products = plan.products.map((p, index) => {
    const prices = p.variants.map((v) => v.priceMinor);
    return {
      id: p.id, title: p.title, handle: p.handle, status: p.status,
      brandId: brandIds[index % brandIds.length],
      options: optionsOf(p).options,
      tags: index % 7 === 0 ? ['bestseller'] : index % 11 === 0 ? ['gift'] : [],
      minPriceMinor: prices.reduce((a, b) => (b < a ? b : a), prices[0] ?? 0n),
      inStock: p.variants.some((v) => (available.get(v.id) ?? 0) > 0),
      descriptionHtml: `<p>${p.title}</p>`,
      createdAt: p.createdAt, updatedAt: p.createdAt,
    };
  });
  for (const batch of chunks(products, 1000)) await tx.insert(product).values(batch);
  const variants = plan.products.flatMap((p) => {
    const { values } = optionsOf(p);
    return p.variants.map((v, i) => ({
      id: v.id, productId: p.id, sku: v.sku, title: v.title, optionValues: values[i]!, priceMinor: v.priceMinor,
      costMinor: v.costMinor, currencyCode: plan.currencyCode, position: v.position,
      inStock: (available.get(v.id) ?? 0) > 0, createdAt: p.createdAt, updatedAt: p.createdAt,
    }));
  });
  for (const batch of chunks(variants)) await tx.insert(variant).values(batch);
}

/** Every product gets its title in each locale its words exist in; the plan's own language stays the base title. */
async function seedTranslations(tx: Db, plan: DemoPlan, parsed: readonly ({ adjective: number; noun: number } | null)[]) {
  const translations = plan.products.flatMap((p, i) => {
    const words = parsed[i];
    if (!words) return [];
    return (['th', 'zh-CN', 'zh-TW', 'ar'] as const satisfies readonly WordLocale[]).map((locale) => {
      const title = `${CATALOG_WORDS[locale].adjectives[words.adjective]} ${CATALOG_WORDS[locale].nouns[words.noun]}`;
      return { productId: p.id, locale, title, descriptionHtml: `<p>${title}</p>` };
    });
  });
  for (const batch of chunks(translations)) await tx.insert(productTranslation).values(batch);
}

/** New arrivals (the newest products) and gift ideas. */
async function seedCollections(tx: Db, plan: DemoPlan): Promise<void> {
  const collections = [
    { id: stableId('collection:new-arrivals'), title: 'New arrivals', handle: 'new-arrivals' },
    { id: stableId('collection:gift-ideas'), title: 'Gift ideas', handle: 'gift-ideas' },
  ];
  await tx.insert(collection).values(collections);
  const newest = [...plan.products].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 24);
  const gifts = plan.products.filter((_, i) => i % 11 === 0).slice(0, 40);
  await tx.insert(collectionProduct).values([
    ...newest.map((p) => ({ collectionId: collections[0]!.id, productId: p.id })),
    ...gifts.map((p) => ({ collectionId: collections[1]!.id, productId: p.id })),
  ]);
}

type SeededPurchase = { memberId: string; variantId: string; productId: string; createdAt: Date };

/** The purchases of the plan's paid orders, which open reviews to their buyers. */
async function seedPurchases(tx: Db, plan: DemoPlan): Promise<SeededPurchase[]> {
  const productOfVariant = new Map(plan.products.flatMap((p) => p.variants.map((v) => [v.id, p.id] as const)));
  const purchases = new Map<string, SeededPurchase>();
  // Only a paid order that was not cancelled entitles a review (orders' lifecycle records it when paid).
  const purchased = new Set(['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED']);
  for (const order of plan.orders) {
    if (!purchased.has(order.status)) continue;
    for (const line of order.lines) {
      const key = `${order.memberId}/${line.variantId}`;
      if (!purchases.has(key)) {
        purchases.set(key, { memberId: order.memberId, variantId: line.variantId, productId: productOfVariant.get(line.variantId)!, createdAt: order.createdAt });
      }
    }
  }
  // Four columns a row: 15,000 rows stay under postgres.js's 65,534 parameters and save round trips.
  for (const batch of chunks([...purchases.values()], 15_000)) await tx.insert(purchase).values(batch);
  return [...purchases.values()];
}

/** A few reviews from real buyers: most approved, some waiting, one rejected. */
async function seedReviews(tx: Db, purchases: readonly SeededPurchase[]): Promise<void> {
  const reviewed = new Set<string>();
  const reviews = purchases
    .filter((p) => {
      const key = `${p.memberId}/${p.productId}`;
      if (reviewed.has(key)) return false;
      reviewed.add(key);
      return true;
    })
    .slice(0, 60)
    .map((p, i) => ({
      id: stableId(`review:${p.memberId}:${p.productId}`),
      productId: p.productId, memberId: p.memberId, rating: 5 - (i % 4 === 3 ? 2 : i % 3 === 2 ? 1 : 0),
      body: REVIEW_BODIES[i % REVIEW_BODIES.length]!,
      status: i % 10 === 9 ? ('REJECTED' as const) : i % 4 === 3 ? ('PENDING' as const) : ('APPROVED' as const),
      createdAt: new Date(p.createdAt.getTime() + 3 * 86_400_000),
      updatedAt: new Date(p.createdAt.getTime() + 3 * 86_400_000),
    }));
  if (reviews.length) await tx.insert(review).values(reviews);
}
