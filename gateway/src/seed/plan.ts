import type { DemoChannel, DemoOrder, DemoOrderStatus, DemoPlan, DemoProduct } from '@shop/kit/demo-plan';
import { Random } from './random.js';
import { PEOPLE, PRODUCT_WORDS, VARIANT_AXES, WAREHOUSES, type Language } from './vocabulary.js';

const DAY_MS = 86_400_000;
const LANGUAGES = Object.keys(PEOPLE) as Language[];
const CHANNELS: DemoChannel[] = ['ONLINE_STORE', 'ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'];

/**
 * The demo shop at `scale` (1 = 200 products, 500 members, 2,000 orders over
 * the 90 days before `now`). The same seed and scale give the same data.
 */
export function demoPlan(options: { scale?: number; seed?: number; now?: Date } = {}): DemoPlan {
  const scale = options.scale ?? 1;
  const random = new Random(options.seed ?? 20261125);
  const now = (options.now ?? new Date()).getTime();
  const products = makeProducts(random, 200 * scale, now);
  const warehouses = WAREHOUSES.map((w, i) => ({ id: random.uuid(), ...w, priority: i + 1 }));
  const levels = products.flatMap((p) =>
    p.variants.flatMap((v) =>
      warehouses.map((w) => ({ variantId: v.id, warehouseId: w.id, onHand: random.chance(0.1) ? random.int(0, 5) : random.int(20, 300) })),
    ),
  );
  const members = Array.from({ length: 500 * scale }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length]!;
    const people = PEOPLE[language];
    const given = random.pick(people.given);
    const family = random.pick(people.family);
    const displayName = language === 'en' ? `${given} ${family}` : language === 'zh' ? `${family}${given}` : `${given} ${family}`;
    const points = random.int(0, 20_000);
    return {
      id: random.uuid(),
      displayName,
      email: `member${i + 1}@example.test`,
      phone: `+66${String(800_000_000 + i).padStart(9, '0')}`,
      tier: points > 15_000 ? 'PLATINUM' : points > 8_000 ? 'GOLD' : points > 3_000 ? 'SILVER' : 'BRONZE',
      points,
      createdAt: new Date(now - random.int(91, 720) * DAY_MS),
    } as const;
  });
  const sellable = products.filter((p) => p.status === 'ACTIVE').flatMap((p) => p.variants.map((v) => ({ p, v })));
  const orders: DemoOrder[] = Array.from({ length: 2000 * scale }, (_, i) => {
    const ageMs = random.next() * 90 * DAY_MS;
    const lines = Array.from({ length: random.int(1, 4) }, () => {
      const { p, v } = random.pick(sellable);
      return { id: random.uuid(), variantId: v.id, sku: v.sku, title: `${p.title} — ${v.title}`, quantity: random.int(1, 3), unitPriceMinor: v.priceMinor };
    });
    return {
      id: random.uuid(),
      number: `SO-${100001 + i}`,
      memberId: random.pick(members).id,
      channel: random.pick(CHANNELS),
      status: statusForAge(random, ageMs / DAY_MS),
      createdAt: new Date(now - ageMs),
      totalMinor: lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n),
      lines,
    };
  }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  orders.forEach((order, i) => (order.number = `SO-${100001 + i}`));
  const coupons = [
    { code: 'WELCOME10', title: 'Welcome 10% off', kind: 'PERCENTAGE', value: 10n, minimumSpendMinor: 0n },
    { code: 'SONGKRAN200', title: 'Songkran ฿200 off over ฿1,500', kind: 'FIXED_AMOUNT', value: 20_000n, minimumSpendMinor: 150_000n },
    { code: 'DOUBLE11', title: '双十一 11% off', kind: 'PERCENTAGE', value: 11n, minimumSpendMinor: 50_000n },
    { code: 'RAMADAN15', title: 'رمضان كريم 15%', kind: 'PERCENTAGE', value: 15n, minimumSpendMinor: 100_000n },
    { code: 'FLASH50', title: 'Flash sale ฿50 off', kind: 'FIXED_AMOUNT', value: 5_000n, minimumSpendMinor: 30_000n },
  ].map((c, i) => ({
    id: random.uuid(),
    ...c,
    kind: c.kind as 'PERCENTAGE' | 'FIXED_AMOUNT',
    startsAt: new Date(now - (60 - i * 20) * DAY_MS),
    endsAt: new Date(now + (i * 15 - 10) * DAY_MS),
  }));
  return { currencyCode: 'THB', products, warehouses, levels, members, orders, coupons };
}

function makeProducts(random: Random, count: number, now: number): DemoProduct[] {
  const handles = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length]!;
    const words = PRODUCT_WORDS[language];
    const nounIndex = random.int(0, words.nouns.length - 1);
    const title = `${random.pick(words.adjectives)} ${words.nouns[nounIndex]}`;
    const base = `${PRODUCT_WORDS.en.nouns[nounIndex]!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${language}`;
    let handle = base;
    for (let n = 2; handles.has(handle); n += 1) handle = `${base}-${n}`;
    handles.add(handle);
    const sizes = VARIANT_AXES.size.slice(0, random.int(1, 3));
    const colours = VARIANT_AXES.colour.slice(0, random.int(1, 2));
    const basePrice = BigInt(random.int(99, 4_999)) * 100n;
    const variants = sizes.flatMap((size) => colours.map((colour) => ({ size, colour }))).map(({ size, colour }, position) => ({
      id: random.uuid(),
      sku: `SKU-${String(i + 1).padStart(6, '0')}-${size}-${colour.slice(0, 3).toUpperCase()}`,
      title: `${size} / ${colour}`,
      priceMinor: basePrice + BigInt(position) * 1_000n,
      // Derived, not drawn: the random sequence (and so the rest of the plan) stays as it was.
      costMinor: ((basePrice + BigInt(position) * 1_000n) * 55n) / 100n,
      position,
    }));
    const status = random.chance(0.05) ? 'ARCHIVED' : random.chance(0.05) ? 'DRAFT' : 'ACTIVE';
    return { id: random.uuid(), title, handle, status, createdAt: new Date(now - random.int(100, 400) * DAY_MS + i * 1000), variants };
  });
}

function statusForAge(random: Random, ageDays: number): DemoOrderStatus {
  if (random.chance(0.05)) return 'CANCELLED';
  if (ageDays > 14) return 'COMPLETED';
  if (ageDays > 7) return random.pick(['DELIVERED', 'COMPLETED'] as const);
  if (ageDays > 2) return random.pick(['SHIPPED', 'DELIVERED', 'FULFILLING'] as const);
  return random.pick(['PENDING_PAYMENT', 'PAID', 'FULFILLING'] as const);
}
