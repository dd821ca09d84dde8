// GraphQL resolvers of products.
import { codedError, fail, isOperator, money, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { bulkResolvers } from './bulk/index.js';
import { createCategory, deleteCategory, moveCategory, updateCategory } from './categories.js';
import {
  changeCollectionProducts,
  createCollection,
  deleteCollection,
  listCollections,
  updateCollection,
} from './collections.js';
import { LIMITS } from './limits.js';
import { answerLocale, type Locale } from './locale.js';
import type { Loaders } from './loaders.js';
import {
  archiveProducts,
  changeStatus,
  changeTags,
  productForUpdate,
  saveProduct,
  updateVariants,
  type CatalogResult,
  type ProductInput,
  type VariantBulkInput,
} from './product-write.js';
import { createReview, listReviews, moderateReview, replyToReview, type ReviewStatus } from './reviews.js';
import { allBrands, listProducts, type ProductFilter, type ProductSortKey } from './service.js';
import type { CategoryRow, CollectionRow, ProductRow, ReviewRow, VariantRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

/** A product row and the locale its texts are answered in (set by the root field that asked for one). */
type ProductNode = ProductRow & { locale?: Locale };

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

type Input<T> = { input: T };

export const resolvers = {
  Query: {
    ...bulkResolvers.Query,
    products: (
      _: unknown,
      args: ConnectionArgs & { filter?: ProductFilter; sortKey?: ProductSortKey; reverse?: boolean; locale?: string },
      ctx: Ctx,
    ) => productPage(ctx, args, answerLocale(args.locale, ctx.acceptLanguage)),
    product: async (_: unknown, args: { id: string; locale?: string }, ctx: Ctx) =>
      visible(await ctx.loaders.productById.load(args.id), ctx, answerLocale(args.locale, ctx.acceptLanguage)),
    productByHandle: async (_: unknown, args: { handle: string; locale?: string }, ctx: Ctx) =>
      visible(await ctx.loaders.productByHandle.load(args.handle), ctx, answerLocale(args.locale, ctx.acceptLanguage)),
    categories: async (_: unknown, __: unknown, ctx: Ctx) => (await ctx.loaders.categoryTree()).ordered,
    category: async (_: unknown, args: { id: string }, ctx: Ctx) => (await ctx.loaders.categoryTree()).byId.get(args.id) ?? null,
    collections: (_: unknown, args: ConnectionArgs & { query?: string }, ctx: Ctx) => listCollections(ctx.db, args),
    collection: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.collectionById.load(args.id),
    brands: (_: unknown, __: unknown, ctx: Ctx) => allBrands(ctx.db),
    catalogLimits: () => LIMITS,
    reviews: (_: unknown, args: ConnectionArgs & { filter?: { status?: ReviewStatus; productId?: string } }, ctx: Ctx) =>
      listReviews(ctx.db, args),
  },
  Mutation: {
    ...bulkResolvers.Mutation,
    productCreate: async (_: unknown, { input }: Input<ProductInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => saveProduct(tx, null, input, changes)), (product) => ({ product })),
    productUpdate: async (_: unknown, { input }: Input<ProductInput & { id: string }>, ctx: Ctx) =>
      payload(
        await mutate(ctx, async (tx, changes) => {
          const existing = await productForUpdate(tx, input.id);
          if (!existing) return fail('UNKNOWN_PRODUCT', `No product ${input.id}.`, ['id']);
          return saveProduct(tx, existing, input, changes);
        }),
        (product) => ({ product }),
      ),
    productArchive: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeStatus(tx, input.id, ['DRAFT', 'ACTIVE'], 'ARCHIVED', changes)), (product) => ({ product })),
    productUnarchive: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeStatus(tx, input.id, ['ARCHIVED'], 'DRAFT', changes)), (product) => ({ product })),
    productsBulkArchive: async (_: unknown, { input }: Input<{ ids: string[] }>, ctx: Ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => archiveProducts(tx, input.ids, changes)), 'products'),
    productVariantsBulkUpdate: async (_: unknown, { input }: Input<{ variants: VariantBulkInput[] }>, ctx: Ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => updateVariants(tx, input.variants, changes)), 'variants'),
    productTagsAdd: async (_: unknown, { input }: Input<{ productIds: string[]; tags: string[] }>, ctx: Ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => changeTags(tx, input, 'add', changes)), 'products'),
    productTagsRemove: async (_: unknown, { input }: Input<{ productIds: string[]; tags: string[] }>, ctx: Ctx) =>
      listPayload(await mutate(ctx, (tx, changes) => changeTags(tx, input, 'remove', changes)), 'products'),
    categoryCreate: async (_: unknown, { input }: Input<{ name: string; handle?: string; parentId?: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => createCategory(tx, input)), (category) => ({ category })),
    categoryUpdate: async (_: unknown, { input }: Input<{ id: string; name?: string; handle?: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateCategory(tx, input, changes)), (category) => ({ category })),
    categoryMove: async (_: unknown, { input }: Input<{ id: string; parentId?: string | null; position?: number }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => moveCategory(tx, input, changes)), (category) => ({ category })),
    categoryDelete: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteCategory(tx, input.id, changes)), (deletedCategoryId) => ({ deletedCategoryId })),
    collectionCreate: async (_: unknown, { input }: Input<{ title: string; handle?: string; descriptionHtml?: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => createCollection(tx, input)), (collection) => ({ collection })),
    collectionUpdate: async (
      _: unknown,
      { input }: Input<{ id: string; title?: string; handle?: string; descriptionHtml?: string }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx, changes) => updateCollection(tx, input, changes)), (collection) => ({ collection })),
    collectionDelete: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteCollection(tx, input.id, changes)), (deletedCollectionId) => ({ deletedCollectionId })),
    collectionAddProducts: async (_: unknown, { input }: Input<{ id: string; productIds: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeCollectionProducts(tx, input, 'add', changes)), (collection) => ({ collection })),
    collectionRemoveProducts: async (_: unknown, { input }: Input<{ id: string; productIds: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeCollectionProducts(tx, input, 'remove', changes)), (collection) => ({ collection })),
    reviewCreate: async (
      _: unknown,
      { input }: Input<{ productId: string; rating: number; title?: string; body: string }>,
      ctx: Ctx,
    ) => {
      if (ctx.principal.kind !== 'customer') throw codedError('FORBIDDEN', 'Reviews are written by signed-in customers.');
      const memberId = ctx.principal.memberId;
      return payload(await mutate(ctx, (tx) => createReview(tx, memberId, input)), (review) => ({ review }));
    },
    reviewModerate: async (_: unknown, { input }: Input<{ id: string; status: ReviewStatus }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => moderateReview(tx, input, changes)), (review) => ({ review })),
    reviewReply: async (_: unknown, { input }: Input<{ id: string; body: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => replyToReview(tx, input, changes)), (review) => ({ review })),
  },
  Product: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.productById.load(ref.id),
    locale: (row: ProductNode, _: unknown, ctx: Ctx) => localeOf(row, ctx),
    title: async (row: ProductNode, _: unknown, ctx: Ctx) => (await translationOf(row, ctx))?.title ?? row.title,
    descriptionHtml: async (row: ProductNode, _: unknown, ctx: Ctx) =>
      (await translationOf(row, ctx))?.descriptionHtml ?? row.descriptionHtml,
    seo: async (row: ProductNode, _: unknown, ctx: Ctx) => {
      const translation = await translationOf(row, ctx);
      return {
        title: translation?.seoTitle ?? row.seoTitle,
        description: translation?.seoDescription ?? row.seoDescription,
      };
    },
    brand: (row: ProductRow, _: unknown, ctx: Ctx) => (row.brandId ? ctx.loaders.brandById.load(row.brandId) : null),
    variants: (row: ProductRow, _: unknown, ctx: Ctx) => ctx.loaders.variantsByProductId.load(row.id),
    priceRange: async (row: ProductRow, _: unknown, ctx: Ctx) => {
      const variants = await ctx.loaders.variantsByProductId.load(row.id);
      if (!variants.length) return null;
      const prices = variants.map((v) => v.priceMinor);
      const min = prices.reduce((a, b) => (b < a ? b : a));
      const max = prices.reduce((a, b) => (b > a ? b : a));
      return { min: money(min, variants[0]!.currencyCode), max: money(max, variants[0]!.currencyCode) };
    },
    media: (row: ProductRow, _: unknown, ctx: Ctx) => ctx.loaders.mediaByProductId.load(row.id),
    categories: async (row: ProductRow, _: unknown, ctx: Ctx) => {
      const [links, tree] = await Promise.all([ctx.loaders.categoryIdsByProductId.load(row.id), ctx.loaders.categoryTree()]);
      return links.flatMap((link) => tree.byId.get(link.categoryId) ?? []);
    },
    collections: async (row: ProductRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.collectionsByProductId.load(row.id)).map((link) => link.collection),
    storefrontUrl: (row: ProductRow) => `${STOREFRONT_URL}/products/${row.handle}`,
    rating: async (row: ProductRow, _: unknown, ctx: Ctx) => {
      const rating = await ctx.loaders.ratingByProductId.load(row.id);
      return { average: rating?.average ?? null, count: rating?.count ?? 0 };
    },
    reviews: (row: ProductRow, args: ConnectionArgs, ctx: Ctx) =>
      listReviews(ctx.db, { first: args.first, after: args.after, filter: { status: 'APPROVED', productId: row.id } }),
    translations: (row: ProductRow, _: unknown, ctx: Ctx) => ctx.loaders.translationsByProductId.load(row.id),
  },
  ProductVariant: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.variantById.load(ref.id),
    selectedOptions: async (row: VariantRow, _: unknown, ctx: Ctx) => {
      const owner = await ctx.loaders.productById.load(row.productId);
      return (owner?.options ?? []).map((option, i) => ({ name: option.name, value: row.optionValues[i] ?? '' }));
    },
    price: (row: VariantRow) => money(row.priceMinor, row.currencyCode),
    compareAtPrice: (row: VariantRow) => (row.compareAtMinor === null ? null : money(row.compareAtMinor, row.currencyCode)),
    costPrice: (row: VariantRow) => (row.costMinor === null ? null : money(row.costMinor, row.currencyCode)),
    product: (row: VariantRow, _: unknown, ctx: Ctx) => ctx.loaders.productById.load(row.productId),
  },
  Category: {
    parent: async (row: CategoryRow, _: unknown, ctx: Ctx) =>
      row.parentId ? ((await ctx.loaders.categoryTree()).byId.get(row.parentId) ?? null) : null,
    children: async (row: CategoryRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.categoryTree()).ordered.filter((c) => c.parentId === row.id),
    ancestors: async (row: CategoryRow, _: unknown, ctx: Ctx) => {
      const { byId } = await ctx.loaders.categoryTree();
      return row.path.slice(0, -1).flatMap((id) => byId.get(id) ?? []);
    },
    depth: (row: CategoryRow) => row.path.length,
  },
  Collection: {
    products: (row: CollectionRow, args: ConnectionArgs, ctx: Ctx) =>
      productPage(ctx, { ...args, filter: { collectionId: row.id } }, answerLocale(null, ctx.acceptLanguage)),
  },
  Review: {
    product: (row: ReviewRow, _: unknown, ctx: Ctx) => ctx.loaders.productById.load(row.productId),
    member: (row: ReviewRow) => ({ __typename: 'Member', id: row.memberId }),
  },
};

/** Payload of a mutation over many rows: the rows, or an empty list with the userErrors. */
function listPayload<T, K extends string>(result: CatalogResult<T[]>, key: K) {
  return result.ok
    ? ({ [key]: result.value, userErrors: [] } as Record<K, T[]> & { userErrors: [] })
    : ({ [key]: [], userErrors: result.errors } as Record<K, T[]> & { userErrors: typeof result.errors });
}
