// GraphQL resolvers of flash sales: staff list and writes, and the storefront's live sessions.
import { money, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { answerLocale } from './locale.js';
import {
  archiveFlashSale,
  createFlashSale,
  flashSaleStatus,
  listFlashSales,
  liveFlashSales,
  removeFlashSaleItem,
  setFlashSaleItem,
  titleIn,
  updateFlashSale,
} from './service.js';
import type { FlashSaleItemRow, FlashSaleRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

const salePayload = (flashSale: FlashSaleRow) => ({ flashSale });
const itemPayload = (ctx: Ctx) => (item: FlashSaleItemRow) => ({ item, flashSale: () => ctx.loaders.flashSaleById.load(item.flashSaleId) });
const remainingOf = async (row: FlashSaleItemRow, ctx: Ctx) => (await ctx.loaders.flashSaleRemainingByItem.load(row.id))?.remaining ?? 0;

export const flashSaleResolvers: Resolvers = {
  Query: {
    flashSales: (_, args, ctx) => listFlashSales(ctx.db, args),
    flashSale: (_, args, ctx) => ctx.loaders.flashSaleById.load(args.id),
    flashSalesLive: (_, args, ctx) => liveFlashSales(ctx.db, new Date(), args.channel ?? null),
  },
  Mutation: {
    flashSaleCreate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => createFlashSale(tx, input, changes)), salePayload),
    flashSaleUpdate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => updateFlashSale(tx, input.id, input, changes)), salePayload),
    flashSaleArchive: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => archiveFlashSale(tx, input.id, changes)), salePayload),
    flashSaleItemSet: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => setFlashSaleItem(tx, input, changes)), itemPayload(ctx)),
    flashSaleItemRemove: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => removeFlashSaleItem(tx, input.id, changes)), itemPayload(ctx)),
  },
  FlashSale: {
    title: (row, args, ctx) => titleIn(row.titles, answerLocale(args.locale, ctx.acceptLanguage)),
    titles: (row) => Object.entries(row.titles).map(([locale, text]) => ({ locale, text })),
    status: (row) => flashSaleStatus(row, new Date()),
    items: (row, _, ctx) => ctx.loaders.flashSaleItemsBySale.load(row.id),
  },
  FlashSaleItem: {
    variant: (row) => ({ __typename: 'ProductVariant', id: row.variantId }),
    flashPrice: (row) => money(row.flashPriceMinor, row.currencyCode.trim()),
    remaining: (row, _, ctx) => remainingOf(row, ctx),
    sold: async (row, _, ctx) => row.quota - (await remainingOf(row, ctx)),
    soldOut: async (row, _, ctx) => (await remainingOf(row, ctx)) <= 0,
  },
};

export const flashSalePermissions: EntryPointRules = {
  Query: { flashSales: rules.operator, flashSale: rules.operator, flashSalesLive: rules.public },
  Mutation: {
    flashSaleCreate: rules.operator,
    flashSaleUpdate: rules.operator,
    flashSaleArchive: rules.operator,
    flashSaleItemSet: rules.operator,
    flashSaleItemRemove: rules.operator,
  },
};
