// GraphQL resolvers of documents: documentsPrint queues a print's run; an order's tax invoice number.
import { mutate, payload } from '@shop/kit/mutation';
import type { DocumentLocale as ApiLocale, Resolvers } from '../generated/resolvers-types.js';
import { filterAccessOf } from '../visibility/index.js';
import { requestPrint } from './service.js';
import type { DocumentLocale } from './words.js';

const LOCALES: Record<ApiLocale, DocumentLocale> = { EN: 'en', TH: 'th', ZH_CN: 'zh-CN', ZH_TW: 'zh-TW', AR: 'ar' };

export const documentResolvers: Resolvers = {
  Mutation: {
    documentsPrint: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx) =>
          requestPrint(
            tx,
            ctx.principal,
            { kind: input.kind, orderIds: input.orderIds, filter: input.filter, locale: input.locale ? LOCALES[input.locale] : null },
            filterAccessOf(ctx.principal),
          ),
        ),
        (printed) => ({ run: printed.run, orderCount: printed.print.orderIds.length }),
      ),
  },
  Order: {
    taxInvoiceNumber: async (row, _, ctx) => (await ctx.loaders.taxInvoiceByOrderId.load(row.id))?.number ?? null,
  },
};
