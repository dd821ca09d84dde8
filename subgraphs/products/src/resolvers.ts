// GraphQL resolvers of products, with the resolver maps of bulk/, categories/, collections/ and reviews/ merged in.
import { fail, isOperator, money, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from './generated/resolvers-types.js';
import { bulkResolvers } from './bulk/resolvers.js';
import { categoryResolvers } from './categories/resolvers.js';
import { collectionResolvers } from './collections/resolvers.js';
import { answerLocale, type Locale } from './content/index.js';
import { LIMITS, type CatalogResult } from './input/index.js';
import type { Loaders } from './loaders.js';
import { listReviews } from './reviews/index.js';
import { reviewResolvers } from './reviews/resolvers.js';
import {
  allBrands,
  archiveProducts,
  changeStatus,
  changeTags,
  listProducts,
  productForUpdate,
  saveProduct,
  updateVariants,
  type ProductFilter,
  type ProductSortKey,
  type ProductNode,
} from './service.js';
import type { ProductRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

const STOREFRONT_URL = (process.env.STOREFRONT_URL ?? 'http://localhost:3000/store').replace(/\/+$/, '');

const localeOf = (row: ProductNode, ctx: Ctx): Locale => row.locale ?? answerLocale(null, ctx.acceptLanguage);

async function translationOf(row: ProductNode, ctx: Ctx) {
  const locale = localeOf(row, ctx);
  if (locale === 'en') return null;
  return (await ctx.loaders.translationsByProductId.load(row.id)).find((t) => t.locale === locale) ?? null;
}

/** Storefront callers (anonymous, customers) see ACTIVE products only; operators see every status. */
function visible(row: ProductRow | null, ctx: Ctx, locale: Locale): ProductNode | null {
  return row && (row.status === 'ACTIVE' || isOperator(ctx.principal)) ? { ...row, locale } : null;
}

function productPage(
  ctx: Ctx,
  args: ConnectionArgs & { filter?: ProductFilter | null; sortKey?: ProductSortKey | null; reverse?: boolean | null },
  locale: Locale,
) {
  return listProducts(ctx.db, args, { activeOnly: !isOperator(ctx.principal) }).then((connection) => ({
    ...connection,
    edges: connection.edges.map((edge) => ({ ...edge, node: { ...edge.node, locale } })),
  }));
}


export const resolvers: Resolvers = {
  Query: {
    ...bulkResolvers.Query,
    ...categoryResolvers.Query,
    ...collectionResolvers.Query,
    ...reviewResolvers.Query,
    products: (_, args, ctx) => productPage(ctx, args, answerLocale(args.locale, ctx.acceptLanguage)),
    product: async (_, args, ctx) =>
      visible(await ctx.loaders.productById.load(args.id), ctx, answerLocale(args.locale, ctx.acceptLanguage)),
    productByHandle: async (_, args, ctx) =>
      visible(await ctx.loaders.productByHandle.load(args.handle), ctx, answerLocale(args.locale, ctx.acceptLanguage)),
    brands: (_, __, ctx) => allBrands(ctx.db),
    // A fresh list: the shared one is read-only.
    catalogLimits: () => ({ ...LIMITS, translationLocales: [...LIMITS.translationLocales] }),
  },
  Mutation: {
    ...bulkResolvers.Mutation,
    ...categoryResolvers.Mutation,
    ...collectionResolvers.Mutation,
    ...reviewResolvers.Mutation,
    productCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => saveProduct(tx, null, input, changes)), (product) => ({ product })),
    productUpdate: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, async (tx, changes) => {
          const existing = await productForUpdate(tx, input.id);
          if (!existing) return fail('UNKNOWN_PRODUCT', `No product ${input.id}.`, ['id']);
          return saveProduct(tx, existing, input, changes);
        }),
        (product) => ({ product }),
      ),
    productArchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeStatus(tx, input.id, ['DRAFT', 'ACTIVE'], 'ARCHIVED', changes)), (product) => ({ product })),
    productUnarchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeStatus(tx, input.id, ['ARCHIVED'], 'DRAFT', changes)), (product) => ({ product })),
    productsBulkArchive: async (_, { input }, ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => archiveProducts(tx, input.ids, changes)), 'products'),
    productVariantsBulkUpdate: async (_, { input }, ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => updateVariants(tx, input.variants, changes)), 'variants'),
    productTagsAdd: async (_, { input }, ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => changeTags(tx, input, 'add', changes)), 'products'),
    productTagsRemove: async (_, { input }, ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => changeTags(tx, input, 'remove', changes)), 'products'),
  },
  Product: {
    __resolveReference: (ref, ctx) => ctx.loaders.productById.load(ref.id),
    locale: (row, _, ctx) => localeOf(row, ctx),
    title: async (row, _, ctx) => (await translationOf(row, ctx))?.title ?? row.title,
    descriptionHtml: async (row, _, ctx) =>
      (await translationOf(row, ctx))?.descriptionHtml ?? row.descriptionHtml,
    seo: async (row, _, ctx) => {
      const translation = await translationOf(row, ctx);
      return {
        title: translation?.seoTitle ?? row.seoTitle,
        description: translation?.seoDescription ?? row.seoDescription,
      };
    },
    brand: (row, _, ctx) => (row.brandId ? ctx.loaders.brandById.load(row.brandId) : null),
    variants: (row, _, ctx) => ctx.loaders.variantsByProductId.load(row.id),
    priceRange: async (row, _, ctx) => {
      const variants = await ctx.loaders.variantsByProductId.load(row.id);
      if (!variants.length) return null;
      const prices = variants.map((v) => v.priceMinor);
      const min = prices.reduce((a, b) => (b < a ? b : a));
      const max = prices.reduce((a, b) => (b > a ? b : a));
      return { min: money(min, variants[0]!.currencyCode), max: money(max, variants[0]!.currencyCode) };
    },
    media: (row, _, ctx) => ctx.loaders.mediaByProductId.load(row.id),
    categories: async (row, _, ctx) => {
      const [links, tree] = await Promise.all([ctx.loaders.categoryIdsByProductId.load(row.id), ctx.loaders.categoryTree()]);
      return links.flatMap((link) => tree.byId.get(link.categoryId) ?? []);
    },
    collections: async (row, _, ctx) =>
      (await ctx.loaders.collectionsByProductId.load(row.id)).map((link) => link.collection),
    storefrontUrl: (row) => `${STOREFRONT_URL}/products/${row.handle}`,
    rating: async (row, _, ctx) => {
      const rating = await ctx.loaders.ratingByProductId.load(row.id);
      return { average: rating?.average ?? null, count: rating?.count ?? 0 };
    },
    reviews: (row, args, ctx) =>
      listReviews(ctx.db, { first: args.first, after: args.after, filter: { status: 'APPROVED', productId: row.id } }),
    translations: (row, _, ctx) => ctx.loaders.translationsByProductId.load(row.id),
  },
  ProductVariant: {
    __resolveReference: (ref, ctx) => ctx.loaders.variantById.load(ref.id),
    selectedOptions: async (row, _, ctx) => {
      const owner = await ctx.loaders.productById.load(row.productId);
      return (owner?.options ?? []).map((option, i) => ({ name: option.name, value: row.optionValues[i] ?? '' }));
    },
    price: (row) => money(row.priceMinor, row.currencyCode),
    compareAtPrice: (row) => (row.compareAtMinor === null ? null : money(row.compareAtMinor, row.currencyCode)),
    costPrice: (row) => (row.costMinor === null ? null : money(row.costMinor, row.currencyCode)),
    // product is non-null and the foreign key keeps it: a missing one is a fault, not an absent value.
    product: async (row, _, ctx) => {
      const owner = await ctx.loaders.productById.load(row.productId);
      if (!owner) throw new Error(`Variant ${row.id} has no product ${row.productId}.`);
      return owner;
    },
  },
  Category: categoryResolvers.Category,
  Collection: {
    products: (row, args, ctx) =>
      productPage(ctx, { ...args, filter: { collectionId: row.id } }, answerLocale(null, ctx.acceptLanguage)),
  },
  Review: reviewResolvers.Review,
};

/** Payload of a mutation over many rows: the rows, or an empty list with the userErrors. */
function listPayload<T, K extends string>(result: CatalogResult<T[]>, key: K) {
  return result.ok
    ? ({ [key]: result.value, userErrors: [] } as Record<K, T[]> & { userErrors: [] })
    : ({ [key]: [], userErrors: result.errors } as Record<K, T[]> & { userErrors: typeof result.errors });
}
